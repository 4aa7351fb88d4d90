using Google.Protobuf;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>
/// Builds protobuf messages field by field for vectors kubectl cannot produce (owner references, leases, events...).
/// Field numbers are taken from upstream k8s.io/api and k8s.io/apimachinery generated.proto, not from the emulator.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _bytes = [];

    public ProtoWriter String(int field, string value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    });

    public ProtoWriter Bytes(int field, byte[] value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(value));
    });

    public ProtoWriter Varint(int field, long value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    });

    public ProtoWriter Message(int field, ProtoWriter inner) => Bytes(field, inner.ToArray());

    /// <summary>One map&lt;string, string&gt; entry {1 key, 2 value}.</summary>
    public ProtoWriter Entry(int field, string key, string value) => Message(field, new ProtoWriter().String(1, key).String(2, value));

    /// <summary>meta/v1 Time / MicroTime {1 seconds, 2 nanos}.</summary>
    public ProtoWriter Time(int field, long seconds, int nanos = 0) => Message(field, new ProtoWriter().Varint(1, seconds).Varint(2, nanos));

    public byte[] ToArray() => [.. _bytes];

    /// <summary>"k8s\0" + runtime.Unknown {1 typeMeta {1 apiVersion, 2 kind}, 2 raw}.</summary>
    public static byte[] Envelope(string apiVersion, string kind, ProtoWriter raw)
    {
        var unknown = new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, apiVersion).String(2, kind))
            .Message(2, raw)
            .ToArray();
        return [.. "k8s\0"u8, .. unknown];
    }

    private ProtoWriter Write(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        _bytes.AddRange(buffer.ToArray());
        return this;
    }
}
