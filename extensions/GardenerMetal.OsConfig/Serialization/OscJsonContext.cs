using System.Text.Json.Serialization;
using GardenerMetal.OsConfig.Model;

namespace GardenerMetal.OsConfig.Serialization;

/// <summary>System.Text.Json source generation for the OSC wire model (camelCase like the Kubernetes API; unknown fields ignored).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(OperatingSystemConfig))]
[JsonSerializable(typeof(IReadOnlyList<OscFile>))]
[JsonSerializable(typeof(IReadOnlyList<Unit>))]
public sealed partial class OscJsonContext : JsonSerializerContext;
