namespace GardenerMetal.OsConfig.Ignition;

/// <summary>A systemd drop-in of an Ignition spec 2.3.0 unit: <c>dropins[]{name, contents}</c>.</summary>
/// <param name="Name">File name ending in <c>.conf</c>.</param>
/// <param name="Contents">The drop-in text.</param>
public sealed record Ignition2DropIn(string Name, string Contents);
