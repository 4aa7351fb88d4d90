using System.Text.Json;

namespace GardenerMetal.OsConfig.Model;

/// <summary>spec of an OperatingSystemConfig (Gardener <c>OperatingSystemConfigSpec</c>).</summary>
public sealed record OperatingSystemConfigSpec
{
    /// <summary>spec.type, e.g. <c>metal</c>, <c>debian</c>, <c>ubuntu</c>.</summary>
    public string? Type { get; init; }

    /// <summary>spec.providerConfig, free-form; read by <c>OsMetalProviderConfig</c>.</summary>
    public JsonElement? ProviderConfig { get; init; }

    /// <summary>spec.class (ignored by the translator).</summary>
    public string? Class { get; init; }

    /// <summary>spec.purpose: <c>provision</c> or <c>reconcile</c>.</summary>
    public string? Purpose { get; init; }

    /// <summary>spec.criConfig.</summary>
    public CriConfig? CriConfig { get; init; }

    /// <summary>spec.units.</summary>
    public IReadOnlyList<Unit>? Units { get; init; }

    /// <summary>spec.files.</summary>
    public IReadOnlyList<OscFile>? Files { get; init; }
}
