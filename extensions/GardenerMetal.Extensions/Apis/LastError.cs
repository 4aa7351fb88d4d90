using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>The last error of an operation: description, Gardener <c>ERR_*</c> codes, task and time.</summary>
public sealed class LastError
{
    public string Description { get; set; } = "";

    [JsonPropertyName("taskID")]
    public string? TaskId { get; set; }

    /// <summary>Gardener error codes, see <see cref="GardenerErrorCodes"/>.</summary>
    public List<string>? Codes { get; set; }

    public DateTimeOffset? LastUpdateTime { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
