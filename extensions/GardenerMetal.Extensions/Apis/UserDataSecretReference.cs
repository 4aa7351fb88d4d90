using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>corev1.SecretKeySelector pointing at a pool's user data.</summary>
public sealed class UserDataSecretReference
{
    public string? Name { get; set; }
    public string Key { get; set; } = "";
    public bool? Optional { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
