using System.Text;

namespace GardenerMetal.KubeEmulator.Storage;

/// <summary>One change of a store; the wire frame is built once, by the writer, and shared by every watcher.</summary>
internal sealed class WatchEvent
{
    public WatchEvent(WatchEventType type, StoredObject obj, StoredObject? previous)
    {
        Type = type;
        Object = obj;
        Previous = previous;
        Frame = BuildFrame(TypeName(type), obj.Json);
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

    /// <summary>The watch line (<c>{"type":…,"object":…}\n</c>) every watcher of the stored version writes as is.</summary>
    public byte[] Frame { get; }

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
