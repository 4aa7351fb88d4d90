namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// A validated file with its decoded bytes. <see cref="Clear"/>: transmit the content unencoded (no base64),
/// because the OSC asked for it (transmitUnencoded) or because it contains an MCM placeholder.
/// </summary>
internal sealed record NormalizedFile(string Path, int Mode, byte[] Content, bool Clear);
