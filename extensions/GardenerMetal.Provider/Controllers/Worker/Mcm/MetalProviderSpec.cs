using System.Text.Json.Serialization;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Controllers.Worker.Mcm;

/// <summary>
/// The MachineClass <c>providerSpec</c> exactly as the metal MCM driver decodes it
/// (mcm-provider <c>MetalProviderSpecDecoder</c>: unknown fields are rejected there, so nothing else may be added).
/// </summary>
public sealed record MetalProviderSpec
{
    [JsonPropertyName("partition")] public required string Partition { get; init; }
    [JsonPropertyName("size")] public required string Size { get; init; }
    [JsonPropertyName("image")] public required string Image { get; init; }
    [JsonPropertyName("project")] public required string Project { get; init; }
    [JsonPropertyName("network")] public required string Network { get; init; }
    [JsonPropertyName("networks")] public IReadOnlyList<string>? Networks { get; init; }
    [JsonPropertyName("tags")] public required IReadOnlyList<string> Tags { get; init; }
    [JsonPropertyName("sshKeys")] public IReadOnlyList<string>? SshKeys { get; init; }
    [JsonPropertyName("dnsServers")] public IReadOnlyList<MetalDnsServer>? DnsServers { get; init; }
    [JsonPropertyName("ntpServers")] public IReadOnlyList<MetalNtpServer>? NtpServers { get; init; }
    [JsonPropertyName("hostSelector")] public HostSelector? HostSelector { get; init; }
}
