using System.Buffers;
using System.Text;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// A growable byte buffer on ArrayPool memory: rendering allocates nothing but the final <see cref="ToArray"/> copy,
/// and a failed rendering leaves nothing behind.
/// </summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] buffer;
    private int length;

    public PooledBuffer(int initialCapacity = 16 * 1024) => buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int Length => length;

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    public Span<byte> GetSpan(int sizeHint)
    {
        if (buffer.Length - length < sizeHint)
        {
            var next = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + sizeHint));
            buffer.AsSpan(0, length).CopyTo(next);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = next;
        }

        return buffer.AsSpan(length);
    }

    public void Advance(int count) => length += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        length += bytes.Length;
    }

    public void Write(byte b)
    {
        GetSpan(1)[0] = b;
        length++;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (unpaired surrogates become U+FFFD).</summary>
    public void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        length += Encoding.UTF8.GetBytes(text, span);
    }

    /// <summary>Writes a non-negative integer in decimal.</summary>
    public void WriteInt(int value)
    {
        value.TryFormat(GetSpan(11), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        length += written;
    }

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
