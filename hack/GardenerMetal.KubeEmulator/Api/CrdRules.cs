using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>CustomResourceDefinition validation, status (NamesAccepted, Established) and served types.</summary>
internal static class CrdRules
{
    public static void Validate(JsonObject crd, List<StatusCause> errors)
    {
        var spec = crd["spec"] as JsonObject;
        if (spec is null)
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value", "spec"));
            return;
        }

        var group = Str(spec, "group");
        var plural = Str(spec["names"] as JsonObject, "plural");
        var kind = Str(spec["names"] as JsonObject, "kind");
        var scope = Str(spec, "scope");
        if (group.Length == 0 || !group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{group}\": should be a domain with at least one dot", "spec.group"));
        }

        if (plural.Length == 0)
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value", "spec.names.plural"));
        }

        if (kind.Length == 0)
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value", "spec.names.kind"));
        }

        if (scope is not ("Namespaced" or "Cluster"))
        {
            errors.Add(new StatusCause("FieldValueNotSupported", $"Unsupported value: \"{scope}\": supported values: \"Cluster\", \"Namespaced\"", "spec.scope"));
        }

        var name = crd["metadata"]?["name"]?.ToString() ?? string.Empty;
        if (plural.Length > 0 && group.Length > 0 && name != $"{plural}.{group}")
        {
            errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group", "metadata.name"));
        }

        if (spec["versions"] is not JsonArray versions || versions.Count == 0)
        {
            errors.Add(new StatusCause("FieldValueRequired", "Required value: must have exactly one version marked as storage version", "spec.versions"));
            return;
        }

        var storage = 0;
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i] is not JsonObject v || Str(v, "name").Length == 0)
            {
                errors.Add(new StatusCause("FieldValueRequired", "Required value", $"spec.versions[{i}].name"));
                continue;
            }

            if (v["storage"]?.GetValueKind() == JsonValueKind.True)
            {
                storage++;
            }

            if (v["schema"]?["openAPIV3Schema"] is { } schema && schema is not JsonObject)
            {
                errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: must be an object", $"spec.versions[{i}].schema.openAPIV3Schema"));
            }
        }

        if (storage != 1)
        {
            errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {storage}: must have exactly one version marked as storage version", "spec.versions"));
        }
    }

    /// <summary>Sets status.conditions/acceptedNames/storedVersions, keeping transition times of an earlier version.</summary>
    public static void SetStatus(JsonObject crd, JsonObject? previous)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = (JsonObject)spec["names"]!.DeepClone();
        if (names["singular"] is null)
        {
            names["singular"] = Str(names, "kind").ToLowerInvariant();
        }

        names["listKind"] ??= Str(names, "kind") + "List";
        var now = ObjectMetaRules.Now();
        string Since(string type) =>
            (previous?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
                .FirstOrDefault(c => (string?)c["type"] == type)?["lastTransitionTime"]?.ToString() ?? now;

        var storageVersion = ((JsonArray)spec["versions"]!).OfType<JsonObject>().First(v => v["storage"]?.GetValueKind() == JsonValueKind.True)["name"]!.ToString();
        var stored = (previous?["status"]?["storedVersions"] as JsonArray)?.Select(v => v!.ToString()).ToList() ?? [];
        if (!stored.Contains(storageVersion))
        {
            stored.Add(storageVersion);
        }

        crd["status"] = new JsonObject
        {
            ["acceptedNames"] = names,
            ["conditions"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "NamesAccepted", ["status"] = "True", ["reason"] = "NoConflicts",
                    ["message"] = "no conflicts found", ["lastTransitionTime"] = Since("NamesAccepted"),
                },
                new JsonObject
                {
                    ["type"] = "Established", ["status"] = "True", ["reason"] = "InitialNamesAccepted",
                    ["message"] = "the initial names have been accepted", ["lastTransitionTime"] = Since("Established"),
                }),
            ["storedVersions"] = new JsonArray([.. stored.Select(s => (JsonNode)JsonValue.Create(s))]),
        };
    }

    /// <summary>The served versions of a valid CRD as resource types.</summary>
    public static List<ResourceType> ServedTypes(JsonObject crd)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = (JsonObject)spec["names"]!;
        var kind = Str(names, "kind");
        var result = new List<ResourceType>();
        foreach (var v in ((JsonArray)spec["versions"]!).OfType<JsonObject>())
        {
            if (v["served"]?.GetValueKind() == JsonValueKind.False)
            {
                continue;
            }

            var columns = (v["additionalPrinterColumns"] as JsonArray)?.OfType<JsonObject>()
                .Select(c => new PrinterColumn(Str(c, "name"), Str(c, "type"), Str(c, "jsonPath"), Str(c, "description"), c["priority"] is { } p ? JsonNumbers.ToInt(p) : 0))
                .ToList() ?? [];
            result.Add(new ResourceType
            {
                Group = Str(spec, "group"),
                Version = Str(v, "name"),
                Plural = Str(names, "plural"),
                Singular = names["singular"]?.ToString() ?? kind.ToLowerInvariant(),
                Kind = kind,
                Namespaced = Str(spec, "scope") == "Namespaced",
                HasStatus = v["subresources"]?["status"] is not null,
                Scale = v["subresources"]?["scale"] is JsonObject scale
                    ? new ScaleSubresource(Str(scale, "specReplicasPath"), Str(scale, "statusReplicasPath"), scale["labelSelectorPath"]?.ToString())
                    : null,
                IsCustom = true,
                Storage = v["storage"]?.GetValueKind() == JsonValueKind.True,
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                PrinterColumns = columns,
                Schema = v["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject,
                SelectableFields = (v["selectableFields"] as JsonArray)?.Select(f => f?["jsonPath"]?.ToString() ?? string.Empty).ToList() ?? [],
            });
        }

        return result;
    }

    private static string Str(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : string.Empty;

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => n?.ToString() ?? string.Empty).ToList() ?? [];
}
