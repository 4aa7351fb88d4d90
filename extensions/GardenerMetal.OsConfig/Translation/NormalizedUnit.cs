namespace GardenerMetal.OsConfig.Translation;

/// <summary>A validated unit. <see cref="HasPlaceholder"/>: its content or a drop-in contains an MCM placeholder.</summary>
internal sealed record NormalizedUnit(
    string Name,
    string? Content,
    bool? Enable,
    UnitCommand? Command,
    IReadOnlyList<NormalizedDropIn> DropIns,
    bool HasPlaceholder);
