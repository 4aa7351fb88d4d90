using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Patching;

/// <summary>RFC 7386 JSON merge patch (also used for strategic merge patches and apply patches).</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith('$'))
            {
                // Strategic-merge directives ($patch, $retainKeys, $setElementOrder/…) have no merge-patch meaning.
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var existing = result[key];
                result.Remove(key);
                result[key] = Apply(existing, value);
            }
        }

        return result;
    }
}
