using GardenerMetal.Kubernetes.Models;
using System.Text.Json;

namespace GardenerMetal.Extensions.Apis;

/// <summary>
/// extensions.gardener.cloud/v1alpha1 Cluster (cluster-scoped, named like the shoot's seed namespace).
/// The Shoot, CloudProfile and Seed are embedded as raw JSON; <see cref="GetShoot"/>,
/// <see cref="GetCloudProfile"/> and <see cref="GetSeed"/> give typed views.
/// </summary>
public sealed class Cluster : KubernetesObjectBase
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Cluster";

    public ClusterSpec Spec { get; set; } = new();

    /// <summary>The embedded Shoot, typed; throws <see cref="JsonException"/> naming spec.shoot when malformed.</summary>
    public Shoot GetShoot() => Embedded(Spec.Shoot, "spec.shoot", ExtensionsJsonContext.Default.Shoot);

    /// <summary>The embedded CloudProfile, typed.</summary>
    public CloudProfile GetCloudProfile() => Embedded(Spec.CloudProfile, "spec.cloudProfile", ExtensionsJsonContext.Default.CloudProfile);

    /// <summary>The embedded Seed, typed (an empty Seed when absent).</summary>
    public Seed GetSeed() => Embedded(Spec.Seed, "spec.seed", ExtensionsJsonContext.Default.Seed);

    /// <summary>Whether the embedded shoot's last operation is Failed (Gardener's <c>IsFailed(cluster)</c>): then extensions stop reconciling.</summary>
    public bool IsShootFailed() => Spec.Shoot is not null && GetShoot().IsFailed;

    private static T Embedded<T>(JsonElement? element, string field, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : new()
    {
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return new T();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Cluster {field} must be an object, got {value.ValueKind}.");
        }

        try
        {
            return value.Deserialize(typeInfo) ?? new T();
        }
        catch (JsonException ex)
        {
            throw new JsonException($"Cluster {field} is malformed: {ex.Message}", ex);
        }
    }
}
