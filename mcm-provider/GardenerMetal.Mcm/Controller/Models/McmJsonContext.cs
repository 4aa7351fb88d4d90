using System.Text.Json.Serialization;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>Source-generated serialisation of the MCM resources.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Machine))]
[JsonSerializable(typeof(MachineClass))]
internal sealed partial class McmJsonContext : JsonSerializerContext;
