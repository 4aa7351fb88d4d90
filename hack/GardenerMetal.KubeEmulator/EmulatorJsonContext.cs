using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GardenerMetal.KubeEmulator;

/// <summary>Source-generated JSON metadata for the few typed values the emulator serializes.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonArray))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
