using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>File content taken from a key of a Secret in the same namespace.</summary>
public sealed class FileContentSecretRef
{
    public string Name { get; set; } = "";
    public string DataKey { get; set; } = "";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
