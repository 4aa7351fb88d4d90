using System.Text.Json.Nodes;

namespace GardenerMetal.Kubernetes;

/// <summary>
/// A patch body plus its format. Examples:
/// <c>KubernetesPatch.Merge(new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["a"] = "b" } } })</c>,
/// <c>KubernetesPatch.Json(new JsonArray(new JsonObject { ["op"] = "remove", ["path"] = "/metadata/finalizers/0" }))</c>.
/// </summary>
public sealed class KubernetesPatch
{
    private KubernetesPatch(PatchType type, string body)
    {
        Type = type;
        Body = body;
    }

    /// <summary>The patch format.</summary>
    public PatchType Type { get; }

    /// <summary>The serialized patch document.</summary>
    public string Body { get; }

    /// <summary>The Content-Type header for <see cref="Type"/>.</summary>
    public string ContentType => Type switch
    {
        PatchType.Merge => "application/merge-patch+json",
        PatchType.Json => "application/json-patch+json",
        PatchType.StrategicMerge => "application/strategic-merge-patch+json",
        _ => throw new InvalidOperationException($"Unknown patch type {Type}."),
    };

    /// <summary>A JSON merge patch (null values delete fields).</summary>
    /// <param name="patch">The merge document.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch Merge(JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return new(PatchType.Merge, patch.ToJsonString());
    }

    /// <summary>A JSON patch: an array of <c>{op, path, value}</c> operations (use <c>test</c> for preconditions).</summary>
    /// <param name="operations">The operations.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch Json(JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return new(PatchType.Json, operations.ToJsonString());
    }

    /// <summary>A strategic merge patch (built-in types only).</summary>
    /// <param name="patch">The merge document.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch StrategicMerge(JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return new(PatchType.StrategicMerge, patch.ToJsonString());
    }

    /// <summary>A patch from an already-serialized body.</summary>
    /// <param name="type">The format.</param>
    /// <param name="body">The JSON text.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch FromJson(PatchType type, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        _ = JsonNode.Parse(body) ?? throw new ArgumentException("Patch body must not be JSON null.", nameof(body));
        return new(type, body);
    }
}
