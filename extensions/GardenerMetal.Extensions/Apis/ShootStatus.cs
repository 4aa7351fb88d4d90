using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Shoot status (read view).</summary>
public sealed class ShootStatus
{
    public LastOperation? LastOperation { get; set; }
    public List<LastError>? LastErrors { get; set; }
    public string? Uid { get; set; }

    [JsonPropertyName("technicalID")]
    public string? TechnicalId { get; set; }

    public long? ObservedGeneration { get; set; }
    public string? SeedName { get; set; }
    public bool? IsHibernated { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
