using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A systemd unit in an OperatingSystemConfig.</summary>
public sealed class Unit
{
    public string Name { get; set; } = "";

    /// <summary>The systemd command (start, restart, stop), if any.</summary>
    public string? Command { get; set; }

    /// <summary>Whether the unit is enabled; null leaves the OS default.</summary>
    public bool? Enable { get; set; }

    public string? Content { get; set; }
    public List<DropIn>? DropIns { get; set; }
    public List<string>? FilePaths { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
