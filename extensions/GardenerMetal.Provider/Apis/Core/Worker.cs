using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>One worker pool of a Shoot.</summary>
public sealed record Worker
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("machine")] public WorkerMachine? Machine { get; init; }
    [JsonPropertyName("minimum")] public int? Minimum { get; init; }
    [JsonPropertyName("maximum")] public int? Maximum { get; init; }
    [JsonPropertyName("volume")] public JsonElement? Volume { get; init; }
    [JsonPropertyName("zones")] public IReadOnlyList<string>? Zones { get; init; }
    [JsonPropertyName("providerConfig")] public JsonElement? ProviderConfig { get; init; }
}
