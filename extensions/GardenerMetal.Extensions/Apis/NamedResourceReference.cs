using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>gardencorev1beta1.NamedResourceReference.</summary>
public sealed class NamedResourceReference
{
    public string Name { get; set; } = "";
    public CrossVersionObjectReference ResourceRef { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
