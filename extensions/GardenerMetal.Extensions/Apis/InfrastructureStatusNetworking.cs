using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Infrastructure status.networking: node, pod and service CIDRs.</summary>
public sealed class InfrastructureStatusNetworking
{
    public List<string>? Nodes { get; set; }
    public List<string>? Pods { get; set; }
    public List<string>? Services { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
