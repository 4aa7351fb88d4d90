using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Inline file content; encoding is <c>""</c> (plain) or <c>b64</c>.</summary>
public sealed class FileContentInline
{
    public string Encoding { get; set; } = "";
    public string Data { get; set; } = "";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
