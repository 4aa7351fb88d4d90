namespace GardenerMetal.KubeEmulator.Storage;

/// <summary>Watch event types of the Kubernetes watch protocol.</summary>
internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
