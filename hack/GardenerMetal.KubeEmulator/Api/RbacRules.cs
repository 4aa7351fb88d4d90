using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>rbac.authorization.k8s.io/v1 validation as kube-apiserver does it (required verbs, roleRef required and immutable).</summary>
internal static class RbacRules
{
    public static void ValidateRules(JsonObject obj, List<StatusCause> errors)
    {
        var rules = obj["rules"] as JsonArray ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i] as JsonObject ?? [];
            if (rule["verbs"] is not JsonArray { Count: > 0 })
            {
                errors.Add(new StatusCause("FieldValueRequired", "Required value: verbs must contain at least one value", $"rules[{i}].verbs"));
            }

            var hasResources = rule["resources"] is JsonArray { Count: > 0 };
            var hasUrls = rule["nonResourceURLs"] is JsonArray { Count: > 0 };
            if (hasResources && rule["apiGroups"] is not JsonArray { Count: > 0 })
            {
                errors.Add(new StatusCause("FieldValueRequired", "Required value: resource rules must supply at least one api group", $"rules[{i}].apiGroups"));
            }

            if (hasResources && hasUrls)
            {
                errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: rules cannot apply to both regular resources and non-resource URLs", $"rules[{i}]"));
            }
        }
    }

    public static void ValidateBinding(JsonObject obj, JsonObject? previous, List<StatusCause> errors)
    {
        if (obj["roleRef"] is not JsonObject roleRef)
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value", "roleRef"));
            return;
        }

        if (roleRef["kind"]?.ToString() is not ("Role" or "ClusterRole"))
        {
            errors.Add(new StatusCause("FieldValueNotSupported", $"Unsupported value: \"{roleRef["kind"]}\": supported values: \"Role\", \"ClusterRole\"", "roleRef.kind"));
        }

        if (string.IsNullOrEmpty(roleRef["name"]?.ToString()))
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value", "roleRef.name"));
        }

        if (previous?["roleRef"] is { } before && !JsonNode.DeepEquals(before, roleRef))
        {
            errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: cannot change roleRef", "roleRef"));
        }

        var subjects = obj["subjects"] as JsonArray ?? [];
        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i] as JsonObject ?? [];
            var kind = subject["kind"]?.ToString();
            if (kind is not ("ServiceAccount" or "User" or "Group"))
            {
                errors.Add(new StatusCause("FieldValueNotSupported", $"Unsupported value: \"{kind}\": supported values: \"ServiceAccount\", \"User\", \"Group\"", $"subjects[{i}].kind"));
            }

            if (string.IsNullOrEmpty(subject["name"]?.ToString()))
            {
                errors.Add(new StatusCause("FieldValueRequired", "Required value", $"subjects[{i}].name"));
            }

            if (kind == "ServiceAccount" && string.IsNullOrEmpty(subject["namespace"]?.ToString()) && obj["kind"]?.ToString() == "ClusterRoleBinding")
            {
                errors.Add(new StatusCause("FieldValueRequired", "Required value", $"subjects[{i}].namespace"));
            }
        }
    }
}
