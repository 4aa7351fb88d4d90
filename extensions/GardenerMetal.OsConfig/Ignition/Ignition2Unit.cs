namespace GardenerMetal.OsConfig.Ignition;

/// <summary>A systemd unit of an Ignition spec 2.3.0 config: <c>systemd.units[]{name, enabled, mask, contents, dropins}</c>.</summary>
/// <param name="Name">Unit name with its type suffix, e.g. <c>kubelet.service</c>.</param>
public sealed record Ignition2Unit(string Name)
{
    /// <summary><c>enabled</c>; null leaves the image's preset alone.</summary>
    public bool? Enabled { get; init; }

    /// <summary><c>mask</c>: link the unit to /dev/null.</summary>
    public bool Mask { get; init; }

    /// <summary>The unit file; null writes only the drop-ins.</summary>
    public string? Contents { get; init; }

    /// <summary>Drop-ins written to <c>/etc/systemd/system/&lt;name&gt;.d/</c>.</summary>
    public IReadOnlyList<Ignition2DropIn> DropIns { get; init; } = [];
}
