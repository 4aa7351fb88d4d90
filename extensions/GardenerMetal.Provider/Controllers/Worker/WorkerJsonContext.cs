using System.Text.Json.Serialization;
using GardenerMetal.Provider.Controllers.Worker.Mcm;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>Source-generated JSON for the providerSpec, the provider status and the state.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MetalProviderSpec))]
[JsonSerializable(typeof(WorkerState))]
[JsonSerializable(typeof(Apis.V1Alpha1.WorkerStatus))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
