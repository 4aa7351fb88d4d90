using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>ObjectMeta rules of kube-apiserver: names, labels, finalizers, timestamps.</summary>
internal static partial class ObjectMetaRules
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string NewUid() => Guid.NewGuid().ToString("D");

    public static string GenerateName(string prefix)
    {
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = GenerateNameAlphabet[RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)];
        }

        return prefix + new string(suffix);
    }

    public static void Validate(ResourceType type, JsonObject metadata, List<StatusCause> errors)
    {
        var name = metadata["name"]?.ToString() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name"));
        }
        else if (type.Group.Length == 0 && type.Plural == "namespaces")
        {
            if (name.Length > 63 || !LabelPattern().IsMatch(name))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", "metadata.name"));
            }
        }
        else if (type.Group == "rbac.authorization.k8s.io")
        {
            // kube-apiserver validates RBAC names as path segments (ValidateRBACName), so "system:…" names are valid.
            if (name is "." or "..")
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{name}\": may not be '{name}'", "metadata.name"));
            }
            else if (name.Contains('/', StringComparison.Ordinal) || name.Contains('%', StringComparison.Ordinal))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{name}\": may not contain '/' or '%'", "metadata.name"));
            }
        }
        else if (name.Length > 253 || !SubdomainPattern().IsMatch(name))
        {
            errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", "metadata.name"));
        }

        CheckStringMap(metadata, "labels", errors, validateValue: true);
        CheckStringMap(metadata, "annotations", errors, validateValue: false);
        if (metadata["finalizers"] is { } finalizers)
        {
            if (finalizers is not JsonArray array || array.Any(f => f?.GetValueKind() != System.Text.Json.JsonValueKind.String))
            {
                errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: finalizers must be a list of strings", "metadata.finalizers"));
            }
            else
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var f = (string)array[i]!;
                    if (!QualifiedNamePattern().IsMatch(f))
                    {
                        errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{f}\": name part must consist of alphanumeric characters, '-', '_' or '.'", $"metadata.finalizers[{i}]"));
                    }
                }
            }
        }

        if (metadata["ownerReferences"] is { } owners)
        {
            if (owners is not JsonArray ownerArray)
            {
                errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: ownerReferences must be a list", "metadata.ownerReferences"));
            }
            else
            {
                for (var i = 0; i < ownerArray.Count; i++)
                {
                    foreach (var field in new[] { "apiVersion", "kind", "name", "uid" })
                    {
                        if (ownerArray[i]?[field] is null)
                        {
                            errors.Add(new StatusCause("FieldValueRequired", "Required value", $"metadata.ownerReferences[{i}].{field}"));
                        }
                    }
                }
            }
        }
    }

    public static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray)?.Select(f => f?.ToString() ?? string.Empty).ToList() ?? [];

    public static void SetFinalizers(JsonObject obj, IEnumerable<string> finalizers)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        var list = finalizers.ToList();
        if (list.Count == 0)
        {
            metadata.Remove("finalizers");
        }
        else
        {
            metadata["finalizers"] = new JsonArray([.. list.Select(f => (JsonNode)JsonValue.Create(f))]);
        }
    }

    private static void CheckStringMap(JsonObject metadata, string field, List<StatusCause> errors, bool validateValue)
    {
        if (metadata[field] is not { } node)
        {
            return;
        }

        if (node is not JsonObject map)
        {
            errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {field} must be a map of strings", $"metadata.{field}"));
            return;
        }

        foreach (var (k, v) in map)
        {
            if (!LabelKeyPattern().IsMatch(k))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{k}\": name part must consist of alphanumeric characters, '-', '_' or '.'", $"metadata.{field}"));
            }

            if (v?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: must be a string", $"metadata.{field}.{k}"));
            }
            else if (validateValue && ((string)v!).Length > 0 && !LabelValuePattern().IsMatch((string)v!))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{(string)v!}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.'", $"metadata.{field}"));
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex QualifiedNamePattern();
}
