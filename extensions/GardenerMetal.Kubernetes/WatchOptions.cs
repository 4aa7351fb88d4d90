namespace GardenerMetal.Kubernetes;

/// <summary>Options of a watch call.</summary>
public sealed record WatchOptions
{
    /// <summary>Start after this resourceVersion (usually the list's); null streams synthetic ADDED events for current state first.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Ask for BOOKMARK events carrying the latest resourceVersion (default true).</summary>
    public bool AllowWatchBookmarks { get; init; } = true;

    /// <summary>Label selector.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Server-side duration after which the server closes the stream (default 5 minutes).</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
