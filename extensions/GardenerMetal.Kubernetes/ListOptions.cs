namespace GardenerMetal.Kubernetes;

/// <summary>Options of a list call.</summary>
public sealed record ListOptions
{
    /// <summary>Label selector, e.g. <c>app=web,tier in (a,b),!legacy</c> (build one with <c>LabelSelector</c>).</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector, e.g. <c>metadata.name=x</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Maximum number of items per page; null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>Continue token from the previous page.</summary>
    public string? Continue { get; init; }

    /// <summary>resourceVersion semantics for the list (e.g. <c>0</c> for any cached version); null for most recent.</summary>
    public string? ResourceVersion { get; init; }
}
