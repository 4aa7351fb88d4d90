using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Controllers.Worker.Mcm;

/// <summary>One <c>dnsServers[]</c> entry of the providerSpec.</summary>
public sealed record MetalDnsServer([property: JsonPropertyName("ip")] string Ip);
