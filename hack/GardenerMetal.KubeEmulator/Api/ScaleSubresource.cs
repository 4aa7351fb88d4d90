namespace GardenerMetal.KubeEmulator.Api;

/// <summary>Where a resource keeps what its <c>/scale</c> subresource shows (JSON paths as in a CRD's <c>subresources.scale</c>).</summary>
/// <param name="SpecReplicasPath">".spec.replicas".</param>
/// <param name="StatusReplicasPath">".status.replicas".</param>
/// <param name="LabelSelectorPath">A string selector path (CRDs), or null.</param>
/// <param name="SelectorFromSpec">True for apps/v1: the selector is <c>spec.selector</c> (a LabelSelector) rendered as a string.</param>
internal sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath, bool SelectorFromSpec = false)
{
    public static readonly ScaleSubresource Apps = new(".spec.replicas", ".status.replicas", null, SelectorFromSpec: true);
}
