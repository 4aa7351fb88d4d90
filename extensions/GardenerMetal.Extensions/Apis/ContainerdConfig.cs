using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>containerd settings: sandbox image, registry mirrors and plugin configuration.</summary>
public sealed class ContainerdConfig
{
    public string SandboxImage { get; set; } = "";
    public List<RegistryConfig>? Registries { get; set; }
    public List<PluginConfig>? Plugins { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
