using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Serialization;

/// <summary>
/// Source-generated JSON metadata for the built-in models. Nulls are omitted on write, as the
/// Kubernetes API expects. Combine it with your own context for custom resources.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(DeleteOptions))]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(ListMeta))]
[JsonSerializable(typeof(ObjectReference))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonArray))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
