using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>A reference to a Secret (name and namespace).</summary>
public sealed class SecretReference
{
    /// <summary>Secret name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Secret namespace.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>Fields this model does not know, kept on round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
