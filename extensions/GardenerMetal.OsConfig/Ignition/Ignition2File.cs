namespace GardenerMetal.OsConfig.Ignition;

/// <summary>
/// A file of an Ignition spec 2.3.0 config: <c>storage.files[]{filesystem:"root", path, contents.source, mode, user, group,
/// overwrite|append}</c>.
/// </summary>
/// <param name="Path">Absolute path on the root filesystem.</param>
/// <param name="Contents">The file's bytes.</param>
public sealed record Ignition2File(string Path, ReadOnlyMemory<byte> Contents)
{
    /// <summary>Mode bits (written as a decimal int); default 0644.</summary>
    public int Mode { get; init; } = 0b110_100_100;

    /// <summary>
    /// Percent-encoded <c>data:,</c> URL instead of <c>data:;base64,</c>: the content stays readable and MCM's url-escaped
    /// placeholder replacement applies to it.
    /// </summary>
    public bool Unencoded { get; init; }

    /// <summary>Append to an existing file instead of replacing it (Ignition forbids <c>overwrite</c> together with <c>append</c>).</summary>
    public bool Append { get; init; }

    /// <summary>Owner uid (<c>user.id</c>); null leaves it out (Ignition then uses root).</summary>
    public int? UserId { get; init; }

    /// <summary>Owner gid (<c>group.id</c>); null leaves it out (Ignition then uses root).</summary>
    public int? GroupId { get; init; }
}
