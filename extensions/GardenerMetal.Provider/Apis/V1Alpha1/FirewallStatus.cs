using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The firewall machine of an <see cref="InfrastructureStatus"/>.</summary>
public sealed record FirewallStatus
{
    [JsonPropertyName("machineID")] public string? MachineId { get; init; }
}
