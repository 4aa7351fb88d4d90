using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>The container runtime configuration of an OperatingSystemConfig.</summary>
public sealed class CriConfig
{
    /// <summary>The CRI name; only <c>containerd</c> is defined.</summary>
    public string Name { get; set; } = "";
    public string? CgroupDriver { get; set; }
    public ContainerdConfig? Containerd { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
