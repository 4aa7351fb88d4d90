using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A file in an OperatingSystemConfig (Gardener's <c>File</c>).</summary>
public sealed class OscFile
{
    public string Path { get; set; } = "";

    /// <summary>Unix permissions as a decimal number (e.g. 420 for 0644); null means the OS default.</summary>
    public int? Permissions { get; set; }

    public string? HostName { get; set; }
    public FileContent Content { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
