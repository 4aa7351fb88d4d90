using System.Text.Json;

namespace GardenerMetal.Admission.Review;

/// <summary>
/// Reads an AdmissionReview from a parsed document without copying <c>request.object</c> and
/// <c>request.oldObject</c>: they stay views into the document, valid until it is disposed.
/// Unknown fields are ignored (apiservers add fields); a known field of the wrong type (including an
/// <c>object</c>/<c>oldObject</c> that is not a JSON object or null) is a <see cref="JsonException"/> naming its path.
/// </summary>
internal static class AdmissionReviewReader
{
    public static AdmissionReview Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the body must be a JSON object", "$", null, null);
        }

        return new AdmissionReview
        {
            ApiVersion = String(root, "apiVersion", "$"),
            Kind = String(root, "kind", "$"),
            Request = Object(root, "request", "$") is { } request ? ReadRequest(request, "$.request") : null,
        };
    }

    private static AdmissionRequest ReadRequest(JsonElement request, string path) => new()
    {
        Uid = String(request, "uid", path),
        Kind = Object(request, "kind", path) is { } kind
            ? new GroupVersionKind { Group = String(kind, "group", path + ".kind"), Version = String(kind, "version", path + ".kind"), Kind = String(kind, "kind", path + ".kind") }
            : null,
        Operation = String(request, "operation", path),
        Name = String(request, "name", path),
        Namespace = String(request, "namespace", path),
        Object = Object(request, "object", path),
        OldObject = Object(request, "oldObject", path),
        DryRun = request.TryGetProperty("dryRun", out var dryRun) ? dryRun.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw WrongType(path + ".dryRun", "a boolean"),
        } : null,
    };

    private static string? String(JsonElement parent, string name, string path) =>
        !parent.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => Text(value, path + "." + name),
            JsonValueKind.Null => null,
            _ => throw WrongType(path + "." + name, "a string"),
        };

    private static JsonElement? Object(JsonElement parent, string name, string path) =>
        !parent.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Object => value,
            JsonValueKind.Null => null,
            _ => throw WrongType(path + "." + name, "an object"),
        };

    /// <summary>The string value; escapes that are not valid UTF-16 (a lone <c>\ud800</c>) are a JsonException naming the path.</summary>
    private static string? Text(JsonElement value, string path)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("the value at " + path + " is not valid Unicode text", path, null, null);
        }
    }

    private static JsonException WrongType(string path, string expected) => new("the value at " + path + " must be " + expected, path, null, null);
}
