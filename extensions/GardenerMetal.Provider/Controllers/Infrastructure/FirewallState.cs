using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>The firewall machine in <see cref="InfrastructureState"/>.</summary>
public sealed record FirewallState
{
    [JsonPropertyName("machineID")] public string? MachineId { get; init; }
    [JsonPropertyName("image")] public string? Image { get; init; }
    [JsonPropertyName("size")] public string? Size { get; init; }
    [JsonPropertyName("networks")] public IReadOnlyList<string>? Networks { get; init; }
}
