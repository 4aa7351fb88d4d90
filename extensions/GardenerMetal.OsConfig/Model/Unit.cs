namespace GardenerMetal.OsConfig.Model;

/// <summary>spec.units[]: a systemd unit.</summary>
public sealed record Unit
{
    /// <summary>Unit name including its suffix, e.g. <c>kubelet.service</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>start</c>, <c>restart</c> or <c>stop</c>.</summary>
    public string? Command { get; init; }

    /// <summary>Whether the unit is enabled; unset leaves the image's preset alone.</summary>
    public bool? Enable { get; init; }

    /// <summary>Unit file content; unset means only drop-ins are written.</summary>
    public string? Content { get; init; }

    /// <summary>Drop-ins written to <c>/etc/systemd/system/&lt;name&gt;.d/</c>.</summary>
    public IReadOnlyList<DropIn>? DropIns { get; init; }

    /// <summary>Files (spec.files paths) this unit depends on.</summary>
    public IReadOnlyList<string>? FilePaths { get; init; }
}
