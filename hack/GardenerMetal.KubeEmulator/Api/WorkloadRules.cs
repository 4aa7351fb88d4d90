using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>apps/v1 defaulting and validation kube-apiserver applies that charts most often trip over.</summary>
internal static class WorkloadRules
{
    public static void Prepare(ResourceType type, JsonObject obj, JsonObject? previous, List<StatusCause> errors)
    {
        if (obj["spec"] is not JsonObject spec)
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value", "spec"));
            return;
        }

        if (type.Scale is not null)
        {
            spec["replicas"] ??= 1;
            if (spec["replicas"] is { } r && JsonNumbers.ToLong(r) < 0)
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {r.ToJsonString()}: must be greater than or equal to 0", "spec.replicas"));
            }
        }

        if (spec["selector"] is not JsonObject selector || (selector["matchLabels"] is not JsonObject { Count: > 0 } && selector["matchExpressions"] is not JsonArray { Count: > 0 }))
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value", "spec.selector"));
        }
        else
        {
            var labels = spec["template"]?["metadata"]?["labels"] as JsonObject ?? [];
            foreach (var (k, v) in selector["matchLabels"] as JsonObject ?? [])
            {
                if (labels[k]?.ToString() != v?.ToString())
                {
                    errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: `selector` does not match template `labels`", "spec.template.metadata.labels"));
                    break;
                }
            }

            if (previous?["spec"]?["selector"] is { } before && !JsonNode.DeepEquals(before, selector))
            {
                errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: field is immutable", "spec.selector"));
            }
        }

        var containers = spec["template"]?["spec"]?["containers"] as JsonArray;
        if (containers is not { Count: > 0 })
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value", "spec.template.spec.containers"));
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var c = containers[i] as JsonObject ?? [];
            var name = c["name"]?.ToString() ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add(new StatusCause("FieldValueRequired", "Required value", $"spec.template.spec.containers[{i}].name"));
            }
            else if (!names.Add(name))
            {
                errors.Add(new StatusCause("FieldValueDuplicate", $"Duplicate value: \"{name}\"", $"spec.template.spec.containers[{i}].name"));
            }

            if (string.IsNullOrEmpty(c["image"]?.ToString()))
            {
                errors.Add(new StatusCause("FieldValueRequired", "Required value", $"spec.template.spec.containers[{i}].image"));
            }
        }
    }
}
