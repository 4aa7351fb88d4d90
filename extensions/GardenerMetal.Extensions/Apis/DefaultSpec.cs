using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>The spec fields every extension resource has (Gardener's <c>DefaultSpec</c>).</summary>
public abstract class DefaultSpec
{
    /// <summary>The extension type, e.g. <c>metal</c>; controllers only handle their own type.</summary>
    public string Type { get; set; } = "";

    /// <summary>The extension class (seed / shoot / garden); null means shoot.</summary>
    public string? Class { get; set; }

    /// <summary>The provider-specific configuration, kept as raw JSON.</summary>
    public JsonElement? ProviderConfig { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
