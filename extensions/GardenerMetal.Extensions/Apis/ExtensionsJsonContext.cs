using GardenerMetal.Kubernetes.Models;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>
/// Source-generated JSON metadata for the extension resources. camelCase names, nulls omitted on write,
/// Kubernetes timestamps; unknown fields round-trip through each type's extension data.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubeTimeConverter)])]
[JsonSerializable(typeof(Infrastructure))]
[JsonSerializable(typeof(ControlPlane))]
[JsonSerializable(typeof(Worker))]
[JsonSerializable(typeof(OperatingSystemConfig))]
[JsonSerializable(typeof(Cluster))]
[JsonSerializable(typeof(Shoot))]
[JsonSerializable(typeof(CloudProfile))]
[JsonSerializable(typeof(Seed))]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(LastOperation))]
[JsonSerializable(typeof(LastError))]
[JsonSerializable(typeof(InfrastructureStatus))]
[JsonSerializable(typeof(ControlPlaneStatus))]
[JsonSerializable(typeof(WorkerStatus))]
[JsonSerializable(typeof(OperatingSystemConfigStatus))]
public sealed partial class ExtensionsJsonContext : JsonSerializerContext;
