using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalApi;

/// <summary>Source-generated JSON metadata for every metal-api model the client sends or reads.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(MachineAllocateRequest))]
[JsonSerializable(typeof(FirewallCreateRequest))]
[JsonSerializable(typeof(MachineFindRequest))]
[JsonSerializable(typeof(FirewallFindRequest))]
[JsonSerializable(typeof(MachineResponse))]
[JsonSerializable(typeof(List<MachineResponse>))]
[JsonSerializable(typeof(FirewallResponse))]
[JsonSerializable(typeof(List<FirewallResponse>))]
[JsonSerializable(typeof(NetworkAllocateRequest))]
[JsonSerializable(typeof(NetworkFindRequest))]
[JsonSerializable(typeof(NetworkResponse))]
[JsonSerializable(typeof(List<NetworkResponse>))]
[JsonSerializable(typeof(IPAllocateRequest))]
[JsonSerializable(typeof(IPFindRequest))]
[JsonSerializable(typeof(IPUpdateRequest))]
[JsonSerializable(typeof(IPResponse))]
[JsonSerializable(typeof(List<IPResponse>))]
[JsonSerializable(typeof(ImageResponse))]
[JsonSerializable(typeof(List<ImageResponse>))]
[JsonSerializable(typeof(ImageFindRequest))]
[JsonSerializable(typeof(SizeResponse))]
[JsonSerializable(typeof(List<SizeResponse>))]
[JsonSerializable(typeof(PartitionResponse))]
[JsonSerializable(typeof(List<PartitionResponse>))]
[JsonSerializable(typeof(ProjectResponse))]
[JsonSerializable(typeof(List<ProjectResponse>))]
[JsonSerializable(typeof(ProjectFindRequest))]
[JsonSerializable(typeof(VersionResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(HttpErrorResponse))]
[JsonSerializable(typeof(EmptyRequest))]
public sealed partial class MetalApiJsonContext : JsonSerializerContext;
