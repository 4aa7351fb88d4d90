using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Strict (unknown fields rejected) source-generated JSON for the provider kinds.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InfrastructureConfig))]
[JsonSerializable(typeof(InfrastructureStatus))]
[JsonSerializable(typeof(ControlPlaneConfig))]
[JsonSerializable(typeof(WorkerConfig))]
[JsonSerializable(typeof(WorkerStatus))]
[JsonSerializable(typeof(CloudProfileConfig))]
public sealed partial class MetalJsonContext : JsonSerializerContext;
