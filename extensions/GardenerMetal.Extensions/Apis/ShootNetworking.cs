using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Shoot spec.networking: network plugin type and the node, pod and service CIDRs.</summary>
public sealed class ShootNetworking
{
    public string? Type { get; set; }
    public string? Nodes { get; set; }
    public string? Pods { get; set; }
    public string? Services { get; set; }
    public List<string>? IpFamilies { get; set; }
    public JsonElement? ProviderConfig { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
