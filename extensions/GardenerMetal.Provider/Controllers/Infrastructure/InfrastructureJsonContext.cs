using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>Source-generated JSON for the actuator's state and provider status.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InfrastructureState))]
[JsonSerializable(typeof(InfrastructureProviderStatus))]
internal sealed partial class InfrastructureJsonContext : JsonSerializerContext;
