namespace GardenerMetal.Grpc;

/// <summary>
/// One metadata entry. Keys are lowercase; a key ending in <c>-bin</c> carries bytes
/// (base64 on the wire), any other key carries printable ASCII text.
/// </summary>
public sealed class GrpcMetadataEntry
{
    private readonly string? _value;
    private readonly byte[]? _bytes;

    internal GrpcMetadataEntry(string key, string? value, byte[]? bytes)
    {
        Key = key;
        _value = value;
        _bytes = bytes;
    }

    /// <summary>The lowercase key.</summary>
    public string Key { get; }

    /// <summary>Whether the entry carries bytes (its key ends in <c>-bin</c>).</summary>
    public bool IsBinary => _bytes is not null;

    /// <summary>The text value; throws for a binary entry.</summary>
    public string Value => _value ?? throw new InvalidOperationException($"metadata entry '{Key}' is binary; read ValueBytes");

    /// <summary>The bytes of a binary entry; throws for a text entry.</summary>
    public ReadOnlyMemory<byte> ValueBytes => _bytes ?? throw new InvalidOperationException($"metadata entry '{Key}' is text; read Value");

    internal byte[] RawBytes => _bytes!;

    /// <inheritdoc />
    public override string ToString() => IsBinary ? $"{Key}: <{_bytes!.Length} bytes>" : $"{Key}: {_value}";
}
