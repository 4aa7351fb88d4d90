namespace GardenerMetal.OsConfig.Translation;

/// <summary>A validated drop-in.</summary>
internal sealed record NormalizedDropIn(string Name, string Content);
