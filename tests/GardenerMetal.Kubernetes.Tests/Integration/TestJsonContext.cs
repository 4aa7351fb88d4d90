using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Tests.Integration;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Widget))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
