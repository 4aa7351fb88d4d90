namespace GardenerMetal.OsConfig.Translation;

/// <summary>The translator's internal input: validated units and files, secrets resolved, extension files merged.</summary>
internal sealed record NormalizedConfig(IReadOnlyList<NormalizedUnit> Units, IReadOnlyList<NormalizedFile> Files);
