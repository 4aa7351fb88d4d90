using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>OperatingSystemConfig status.cloudConfig: the Secret holding the generated user data.</summary>
public sealed class CloudConfig
{
    public SecretReference SecretRef { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
