namespace GardenerMetal.Kubernetes;

/// <summary>Type of a watch event.</summary>
public enum WatchEventType
{
    /// <summary>An object was added (or existed when an unversioned watch started).</summary>
    Added,

    /// <summary>An object was changed.</summary>
    Modified,

    /// <summary>An object was deleted; the event carries its last state.</summary>
    Deleted,

    /// <summary>No object change; the object only carries the latest resourceVersion.</summary>
    Bookmark,

    /// <summary>The server reported an error (e.g. 410 Expired); see <see cref="WatchEvent{T}.Status"/>.</summary>
    Error,
}
