using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Controllers.Worker.Mcm;

/// <summary>One <c>ntpServers[]</c> entry of the providerSpec.</summary>
public sealed record MetalNtpServer([property: JsonPropertyName("address")] string Address);
