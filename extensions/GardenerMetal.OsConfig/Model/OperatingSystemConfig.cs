namespace GardenerMetal.OsConfig.Model;

/// <summary>
/// extensions.gardener.cloud/v1alpha1 OperatingSystemConfig, reduced to what the os-metal translator reads.
/// Wire shape (JSON/YAML field names) follows the Gardener CRD; unknown fields are ignored.
/// </summary>
public sealed record OperatingSystemConfig
{
    /// <summary>apiVersion, expected <c>extensions.gardener.cloud/v1alpha1</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>kind, expected <c>OperatingSystemConfig</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>metadata (name and namespace only).</summary>
    public ObjectMetadata? Metadata { get; init; }

    /// <summary>spec.</summary>
    public OperatingSystemConfigSpec? Spec { get; init; }
}
