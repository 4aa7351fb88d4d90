using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A worker pool's machine type and image.</summary>
public sealed record WorkerMachine
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("image")] public ShootMachineImage? Image { get; init; }
}
