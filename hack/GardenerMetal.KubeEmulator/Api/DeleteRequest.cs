namespace GardenerMetal.KubeEmulator.Api;

/// <summary>DeleteOptions of one delete: propagation policy and preconditions.</summary>
internal sealed record DeleteRequest
{
    /// <summary>Orphan, Background (default) or Foreground.</summary>
    public string PropagationPolicy { get; init; } = "Background";

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }

    public bool DryRun { get; init; }

    public bool SkipAdmission { get; init; }
}
