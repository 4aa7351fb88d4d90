using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>The status fields every extension resource has (Gardener's <c>DefaultStatus</c>).</summary>
public abstract class DefaultStatus
{
    public List<Condition>? Conditions { get; set; }
    public LastError? LastError { get; set; }
    public LastOperation? LastOperation { get; set; }
    public long? ObservedGeneration { get; set; }

    /// <summary>Provider-specific status, raw JSON.</summary>
    public JsonElement? ProviderStatus { get; set; }

    /// <summary>Named resource references.</summary>
    public List<NamedResourceReference>? Resources { get; set; }

    /// <summary>Opaque state that is enough to migrate and restore the resource.</summary>
    public JsonElement? State { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
