using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>corev1.SecretReference (name + namespace).</summary>
public sealed class SecretReference
{
    public string? Name { get; set; }
    public string? Namespace { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
