namespace GardenerMetal.OsConfig.Model;

/// <summary>spec.units[].dropIns[].</summary>
public sealed record DropIn
{
    /// <summary>Drop-in file name, must end in <c>.conf</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Drop-in content.</summary>
    public string? Content { get; init; }
}
