using System.Collections;

namespace GardenerMetal.Grpc;

/// <summary>
/// Request headers, response headers or trailers of a call: an ordered list of entries;
/// a key may repeat. Keys are validated (lowercase <c>0-9 a-z - _ .</c>, not <c>grpc-</c>-reserved),
/// text values must be printable ASCII.
/// </summary>
public sealed class GrpcMetadata : IEnumerable<GrpcMetadataEntry>
{
    private readonly List<GrpcMetadataEntry> _entries = [];

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds a text entry.</summary>
    public void Add(string key, string value)
    {
        key = ValidateKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.EndsWith("-bin", StringComparison.Ordinal))
        {
            throw new ArgumentException($"metadata key '{key}' ends in -bin and needs a binary value", nameof(value));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"metadata value for key '{key}' must be printable ASCII", nameof(value));
            }
        }

        _entries.Add(new GrpcMetadataEntry(key, value, null));
    }

    /// <summary>Adds a binary entry; the key must end in <c>-bin</c>.</summary>
    public void Add(string key, ReadOnlySpan<byte> value)
    {
        key = ValidateKey(key);
        if (!key.EndsWith("-bin", StringComparison.Ordinal))
        {
            throw new ArgumentException($"metadata key '{key}' needs the suffix -bin for a binary value", nameof(key));
        }

        _entries.Add(new GrpcMetadataEntry(key, null, value.ToArray()));
    }

    /// <summary>The last text value of a key, or null.</summary>
    public string? GetValue(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            var entry = _entries[i];
            if (!entry.IsBinary && string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The last binary value of a key, or null.</summary>
    public ReadOnlyMemory<byte>? GetBytes(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            var entry = _entries[i];
            if (entry.IsBinary && string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return entry.ValueBytes;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public IEnumerator<GrpcMetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds an entry read from the wire; binary values are base64 (padded or not).</summary>
    internal bool TryAddFromWire(string key, string value)
    {
        key = key.ToLowerInvariant();
        if (key.EndsWith("-bin", StringComparison.Ordinal))
        {
            var bytes = DecodeBase64(value);
            if (bytes is null)
            {
                return false;
            }

            _entries.Add(new GrpcMetadataEntry(key, null, bytes));
            return true;
        }

        _entries.Add(new GrpcMetadataEntry(key, value, null));
        return true;
    }

    /// <summary>The wire form of an entry's value.</summary>
    internal static string ToWire(GrpcMetadataEntry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.RawBytes) : entry.Value;

    private static byte[]? DecodeBase64(string value)
    {
        var trimmed = value.Trim();
        var padding = (4 - (trimmed.Length % 4)) % 4;
        if (padding == 3)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(trimmed + new string('=', padding));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.';
            if (!ok)
            {
                throw new ArgumentException($"metadata key '{key}' may only contain 0-9 a-z - _ .", nameof(key));
            }
        }

        if (lower.StartsWith("grpc-", StringComparison.Ordinal))
        {
            throw new ArgumentException($"metadata key '{key}' is reserved for the transport (grpc- prefix)", nameof(key));
        }

        return lower;
    }
}
