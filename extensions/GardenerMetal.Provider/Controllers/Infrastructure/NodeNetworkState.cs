using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>The node network in <see cref="InfrastructureState"/>.</summary>
public sealed record NodeNetworkState
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("cidr")] public string? Cidr { get; init; }

    /// <summary>Whether the actuator allocated (and will free) it; false when it came from <c>shoot.spec.networking.nodes</c>.</summary>
    [JsonPropertyName("owned")] public bool Owned { get; init; }
}
