namespace GardenerMetal.MetalSim.Http;

/// <summary>JSON metadata of the simulator's own admin endpoints.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(FaultRule))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, FaultRule>))]
internal sealed partial class SimJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
