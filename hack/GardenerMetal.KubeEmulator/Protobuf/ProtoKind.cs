namespace GardenerMetal.KubeEmulator.Protobuf;

/// <summary>How one protobuf field of a Kubernetes message maps to JSON.</summary>
internal enum ProtoKind
{
    /// <summary>Length-delimited UTF-8 → JSON string.</summary>
    String,

    /// <summary>Length-delimited bytes → base64 JSON string (Go's []byte).</summary>
    Bytes,

    /// <summary>Varint → JSON boolean.</summary>
    Bool,

    /// <summary>Varint → JSON number (int32).</summary>
    Int32,

    /// <summary>Varint → JSON number (int64).</summary>
    Int64,

    /// <summary>A nested message → JSON object.</summary>
    Message,

    /// <summary>meta/v1 Time {1 seconds, 2 nanos} → RFC 3339 in whole seconds (empty message = unset).</summary>
    Time,

    /// <summary>meta/v1 MicroTime {1 seconds, 2 nanos} → RFC 3339 with six fraction digits (empty message = unset).</summary>
    MicroTime,

    /// <summary>util/intstr IntOrString {1 type, 2 intVal, 3 strVal} → JSON number or string.</summary>
    IntOrString,

    /// <summary>map&lt;string, string&gt; (repeated entry {1 key, 2 value}) → JSON object of strings.</summary>
    StringMap,

    /// <summary>map&lt;string, bytes&gt; → JSON object of base64 strings.</summary>
    BytesMap,

    /// <summary>meta/v1 FieldsV1 {1 Raw} whose bytes are JSON → that JSON value.</summary>
    FieldsV1,
}
