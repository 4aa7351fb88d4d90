using System.Text.Json;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Storage;

/// <summary>One immutable version of an object: the tree (never mutated once stored) and its cached JSON.</summary>
internal sealed class StoredObject
{
    public StoredObject(string key, JsonObject obj, long resourceVersion)
    {
        Key = key;
        Object = obj;
        ResourceVersion = resourceVersion;
        Json = JsonSerializer.SerializeToUtf8Bytes(obj, EmulatorJsonContext.Default.JsonObject);
    }

    public string Key { get; }

    public JsonObject Object { get; }

    public long ResourceVersion { get; }

    /// <summary>UTF-8 JSON of <see cref="Object"/>, serialized once per version.</summary>
    public byte[] Json { get; }

    public JsonObject Metadata => (JsonObject)Object["metadata"]!;

    public string Name => (string)Metadata["name"]!;

    public string? Namespace => (string?)Metadata["namespace"];

    public string Uid => (string)Metadata["uid"]!;

    /// <summary>A deep copy the caller may change.</summary>
    public JsonObject CloneObject() => (JsonObject)Object.DeepClone();
}
