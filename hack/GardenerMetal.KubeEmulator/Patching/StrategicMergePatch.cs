using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Schema;

namespace GardenerMetal.KubeEmulator.Patching;

/// <summary>
/// Strategic merge patch as apimachinery's strategicpatch applies it to a built-in kind (what kubectl apply and
/// Helm 3's three-way patch send): lists tagged <c>patchStrategy:"merge"</c> merge by their <c>patchMergeKey</c>
/// (or as a set of primitives), other lists are replaced, objects and maps merge recursively, null deletes.
/// Directives: <c>$patch: replace|delete|merge</c>, <c>$retainKeys</c>, <c>$setElementOrder/&lt;list&gt;</c>,
/// <c>$deleteFromPrimitiveList/&lt;list&gt;</c>. A malformed patch throws <see cref="InvalidOperationException"/>.
/// </summary>
internal static class StrategicMergePatch
{
    private const string Directive = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    /// <summary>Applies <paramref name="patch"/> to <paramref name="original"/> (modified in place) of model type <paramref name="model"/>.</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, Type model) =>
        MergeObject(original, patch, model) ?? throw new InvalidOperationException("the patch deletes the whole object");

    /// <summary>Null when the patch says <c>$patch: delete</c>.</summary>
    private static JsonObject? MergeObject(JsonObject original, JsonObject patch, Type? type)
    {
        switch (patch[Directive]?.ToString())
        {
            case "delete":
                return null;
            case "replace":
                return Strip(patch);
            case null or "merge":
                break;
            default:
                throw new InvalidOperationException($"unknown patch type: \"{patch[Directive]}\" in map");
        }

        if (patch[RetainKeys] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                var field = key[DeleteFromPrimitiveList.Length..];
                if (value is not JsonArray remove || original[field] is not JsonArray list)
                {
                    continue;
                }

                foreach (var item in list.Where(i => remove.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                {
                    list.Remove(item);
                }
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                original.Remove(key);
                continue;
            }

            var fieldType = FieldType(type, key);
            var strategy = type is null ? null : PatchStrategies.Of(type, key);
            var existing = original[key];
            JsonNode? merged;
            if (value is JsonObject patchObject)
            {
                merged = MergeObject(existing as JsonObject ?? [], patchObject, fieldType);
            }
            else if (value is JsonArray patchList && strategy is { Merge: true } && fieldType is not null && ModelFields.ListElement(fieldType) is { } element)
            {
                merged = MergeList(existing as JsonArray ?? [], patchList, strategy.MergeKey, element, key);
            }
            else if (value is JsonArray replaceList)
            {
                merged = ReplaceList(replaceList);
            }
            else
            {
                merged = value.DeepClone();
            }

            original.Remove(key);
            if (merged is not null)
            {
                original[key] = merged is JsonNode n && n.Parent is not null ? n.DeepClone() : merged;
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(SetElementOrder, StringComparison.Ordinal) && value is JsonArray order)
            {
                var field = key[SetElementOrder.Length..];
                if (original[field] is JsonArray list)
                {
                    var strategy = type is null ? null : PatchStrategies.Of(type, field);
                    original[field] = Reorder(list, order, strategy?.MergeKey);
                }
            }
        }

        return original;
    }

    private static JsonArray MergeList(JsonArray original, JsonArray patch, string? mergeKey, Type element, string field)
    {
        if (patch.OfType<JsonObject>().Any(o => o[Directive]?.ToString() == "replace"))
        {
            return new JsonArray([.. patch.Where(i => i is not JsonObject o || o[Directive] is null).Select(i => i is JsonObject o ? Strip(o) : i?.DeepClone())]);
        }

        var result = new JsonArray([.. original.Select(i => i?.DeepClone())]);
        if (mergeKey is null)
        {
            foreach (var item in patch)
            {
                if (!result.Any(r => JsonNode.DeepEquals(r, item)))
                {
                    result.Add(item?.DeepClone());
                }
            }

            return result;
        }

        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                throw new InvalidOperationException($"{field}: a list merged by \"{mergeKey}\" holds only objects");
            }

            var keyValue = patchItem[mergeKey] ?? throw new InvalidOperationException($"map: {patchItem.ToJsonString()} does not contain declared merge key: {mergeKey}");
            var index = IndexOf(result, mergeKey, keyValue);
            if (patchItem[Directive]?.ToString() == "delete")
            {
                while (index >= 0)
                {
                    result.RemoveAt(index);
                    index = IndexOf(result, mergeKey, keyValue);
                }

                continue;
            }

            if (index >= 0)
            {
                var merged = MergeObject((JsonObject)result[index]!.DeepClone(), patchItem, element);
                result.RemoveAt(index);
                if (merged is not null)
                {
                    result.Insert(index, merged);
                }
            }
            else if (MergeObject([], patchItem, element) is { } added)
            {
                result.Add(added);
            }
        }

        return result;
    }

    private static JsonArray Reorder(JsonArray list, JsonArray order, string? mergeKey)
    {
        JsonNode? KeyOf(JsonNode? n) => mergeKey is null ? n : n?[mergeKey];
        var remaining = list.Select(i => i?.DeepClone()).ToList();
        var result = new JsonArray();
        foreach (var o in order)
        {
            var wanted = KeyOf(o);
            var match = remaining.FindIndex(i => JsonNode.DeepEquals(KeyOf(i), wanted));
            if (match >= 0)
            {
                result.Add(remaining[match]);
                remaining.RemoveAt(match);
            }
        }

        foreach (var rest in remaining)
        {
            result.Add(rest);
        }

        return result;
    }

    private static int IndexOf(JsonArray list, string mergeKey, JsonNode keyValue)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject o && JsonNode.DeepEquals(o[mergeKey], keyValue))
            {
                return i;
            }
        }

        return -1;
    }

    private static JsonArray ReplaceList(JsonArray list) =>
        new([.. list.Select(i => i is JsonObject o ? Strip(o) : i?.DeepClone())]);

    /// <summary>A copy without directives (at every level).</summary>
    private static JsonObject Strip(JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (k, v) in obj)
        {
            if (k.StartsWith('$'))
            {
                continue;
            }

            copy[k] = v switch
            {
                JsonObject o => Strip(o),
                JsonArray a => ReplaceList(a),
                _ => v?.DeepClone(),
            };
        }

        return copy;
    }

    private static Type? FieldType(Type? type, string key)
    {
        if (type is null)
        {
            return null;
        }

        if (ModelFields.Of(type) is { } fields)
        {
            return fields.GetValueOrDefault(key);
        }

        return ModelFields.MapValue(type);
    }
}
