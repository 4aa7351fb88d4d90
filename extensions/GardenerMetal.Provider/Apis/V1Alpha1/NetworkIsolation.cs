using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>What restricted/forbidden shoots of a partition may reach.</summary>
public sealed record NetworkIsolation
{
    [JsonPropertyName("allowedNetworks")] public AllowedNetworks? AllowedNetworks { get; init; }
    [JsonPropertyName("dnsServers")] public IReadOnlyList<string>? DnsServers { get; init; }
    [JsonPropertyName("ntpServers")] public IReadOnlyList<string>? NtpServers { get; init; }
    [JsonPropertyName("registryMirrors")] public IReadOnlyList<RegistryMirror>? RegistryMirrors { get; init; }
}
