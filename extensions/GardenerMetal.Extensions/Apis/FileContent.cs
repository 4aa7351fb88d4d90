using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Where a file's content comes from: inline data, a Secret key or an image.</summary>
public sealed class FileContent
{
    public FileContentInline? Inline { get; set; }
    public FileContentSecretRef? SecretRef { get; set; }
    public FileContentImageRef? ImageRef { get; set; }

    /// <summary>Whether the content is written as-is instead of base64 encoded.</summary>
    public bool? TransmitUnencoded { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
