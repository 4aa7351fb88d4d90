using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Shoot spec.provider: type, provider configs and worker pools.</summary>
public sealed class ShootProvider
{
    public string? Type { get; set; }
    public JsonElement? InfrastructureConfig { get; set; }
    public JsonElement? ControlPlaneConfig { get; set; }
    public List<ShootWorker>? Workers { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
