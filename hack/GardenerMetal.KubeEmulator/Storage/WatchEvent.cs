using System.Text;

namespace GardenerMetal.KubeEmulator.Storage;

/// <summary>One change of a store; the wire frame is built once and shared by every watcher.</summary>
internal sealed class WatchEvent
{
    private byte[]? _frame;

    public WatchEvent(WatchEventType type, StoredObject obj, StoredObject? previous)
    {
        Type = type;
        Object = obj;
        Previous = previous;
    }

    public WatchEventType Type { get; }

    public StoredObject Object { get; }

    /// <summary>The object before a MODIFIED change (to tell when it leaves a selector).</summary>
    public StoredObject? Previous { get; }

    public long ResourceVersion => Object.ResourceVersion;

    public static string TypeName(WatchEventType type) => type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        _ => "DELETED",
    };

    public byte[] Frame => _frame ??= BuildFrame(TypeName(Type), Object.Json);

    public static byte[] BuildFrame(string type, ReadOnlySpan<byte> objectJson)
    {
        var head = Encoding.UTF8.GetBytes("{\"type\":\"" + type + "\",\"object\":");
        var frame = new byte[head.Length + objectJson.Length + 2];
        head.CopyTo(frame, 0);
        objectJson.CopyTo(frame.AsSpan(head.Length));
        frame[^2] = (byte)'}';
        frame[^1] = (byte)'\n';
        return frame;
    }
}
