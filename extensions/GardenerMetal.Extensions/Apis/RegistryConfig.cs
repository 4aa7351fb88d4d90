using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A containerd registry (upstream, server and mirror hosts).</summary>
public sealed class RegistryConfig
{
    public string Upstream { get; set; } = "";
    public string? Server { get; set; }
    public List<RegistryHost>? Hosts { get; set; }
    public bool? ReadinessProbe { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
