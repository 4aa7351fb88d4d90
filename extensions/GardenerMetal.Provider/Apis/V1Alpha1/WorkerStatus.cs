using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Provider status of a Worker: the machine images in use.</summary>
public sealed record WorkerStatus
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; } = MetalProviderApi.Version;
    [JsonPropertyName("kind")] public string? Kind { get; init; } = nameof(WorkerStatus);
    [JsonPropertyName("machineImages")] public IReadOnlyList<MachineImage>? MachineImages { get; init; }
}
