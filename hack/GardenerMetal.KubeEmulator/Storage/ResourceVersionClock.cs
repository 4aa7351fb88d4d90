namespace GardenerMetal.KubeEmulator.Storage;

/// <summary>The one global resourceVersion counter shared by every resource, like etcd's revision.</summary>
internal sealed class ResourceVersionClock
{
    private long _current = 1;

    public long Current => Interlocked.Read(ref _current);

    public long Next() => Interlocked.Increment(ref _current);
}
