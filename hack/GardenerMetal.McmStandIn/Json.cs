using System.Text.Json.Nodes;

namespace GardenerMetal.McmStandIn;

/// <summary>Small accessors for untyped Kubernetes objects.</summary>
internal static class Json
{
    public static string Name(JsonObject o) => o["metadata"]?["name"]?.GetValue<string>() ?? "";

    public static string? Namespace(JsonObject o) => o["metadata"]?["namespace"]?.GetValue<string>();

    public static string Uid(JsonObject o) => o["metadata"]?["uid"]?.GetValue<string>() ?? "";

    public static bool Deleting(JsonObject o) => o["metadata"]?["deletionTimestamp"] is not null;

    public static string Phase(JsonObject machine) => machine["status"]?["currentStatus"]?["phase"]?.GetValue<string>() ?? "";

    public static string? CreationTimestamp(JsonObject o) => o["metadata"]?["creationTimestamp"]?.GetValue<string>();

    public static int Int(JsonNode? node, int fallback = 0) =>
        node is JsonValue v && v.TryGetValue<long>(out var n) ? (int)n : node is JsonValue d && d.TryGetValue<double>(out var x) ? (int)x : fallback;

    public static long Generation(JsonObject o) => o["metadata"]?["generation"] is JsonValue v && v.TryGetValue<long>(out var g) ? g : 0;

    /// <summary>The owner reference of kind <paramref name="kind"/> (controller owner), or null.</summary>
    public static (string Name, string Uid)? Owner(JsonObject o, string kind)
    {
        if (o["metadata"]?["ownerReferences"] is not JsonArray owners)
        {
            return null;
        }

        foreach (var owner in owners.OfType<JsonObject>())
        {
            if (owner["kind"]?.GetValue<string>() == kind)
            {
                return (owner["name"]?.GetValue<string>() ?? "", owner["uid"]?.GetValue<string>() ?? "");
            }
        }

        return null;
    }

    public static JsonObject OwnerReference(string kind, JsonObject owner) => new()
    {
        ["apiVersion"] = McmResources.ApiVersion,
        ["kind"] = kind,
        ["name"] = Name(owner),
        ["uid"] = Uid(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    /// <summary>The labels of <c>spec.template.metadata</c> plus the template hash label.</summary>
    public static JsonObject TemplateLabels(JsonNode? template, string hash)
    {
        var labels = template?["metadata"]?["labels"]?.DeepClone() as JsonObject ?? [];
        labels[McmResources.TemplateHashLabel] = hash;
        return labels;
    }
}
