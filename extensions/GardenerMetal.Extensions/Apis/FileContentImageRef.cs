using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>File content extracted from a container image.</summary>
public sealed class FileContentImageRef
{
    public string Image { get; set; } = "";
    public string FilePathInImage { get; set; } = "";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
