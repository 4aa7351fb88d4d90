namespace GardenerMetal.OsConfig.Model;

/// <summary>spec.files[]: a file written to the host.</summary>
public sealed record OscFile
{
    /// <summary>Absolute path.</summary>
    public string? Path { get; init; }

    /// <summary>Mode bits (decimal in JSON, octal literal like <c>0644</c> in YAML); default 0644.</summary>
    public int? Permissions { get; init; }

    /// <summary>Content source.</summary>
    public FileContent? Content { get; init; }

    /// <summary>Host-specific file (not supported in provision user data, which every machine of a pool shares).</summary>
    public string? HostName { get; init; }
}
