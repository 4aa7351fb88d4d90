namespace GardenerMetal.KubeEmulator.Patching;

/// <summary>A field's strategic-merge tags in k8s.io/api: <c>patchStrategy</c> (merge, retainKeys) and <c>patchMergeKey</c>.</summary>
/// <param name="Merge">patchStrategy includes "merge": lists merge by key (or as a set of primitives) instead of being replaced.</param>
/// <param name="MergeKey">patchMergeKey of a list of objects; null for a list of primitives.</param>
/// <param name="RetainKeys">patchStrategy includes "retainKeys".</param>
internal sealed record PatchStrategy(bool Merge, string? MergeKey, bool RetainKeys = false);
