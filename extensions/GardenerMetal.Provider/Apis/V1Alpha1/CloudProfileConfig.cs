using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The CloudProfile's <c>spec.providerConfig</c> (kind CloudProfileConfig).</summary>
public sealed record CloudProfileConfig
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    /// <summary>metal-stack control planes by name.</summary>
    [JsonPropertyName("metalControlPlanes")] public IReadOnlyDictionary<string, MetalControlPlane>? MetalControlPlanes { get; init; }

    /// <summary>Finds the control plane that offers <paramref name="partitionId"/>, ordinal by control plane name.</summary>
    public (string Name, MetalControlPlane ControlPlane, Partition Partition)? FindPartition(string? partitionId)
    {
        if (string.IsNullOrEmpty(partitionId) || MetalControlPlanes is null)
        {
            return null;
        }

        foreach (var (name, controlPlane) in MetalControlPlanes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (controlPlane.Partitions is not null && controlPlane.Partitions.TryGetValue(partitionId, out var partition))
            {
                return (name, controlPlane, partition);
            }
        }

        return null;
    }
}
