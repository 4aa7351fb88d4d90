using System.Buffers.Text;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Ignition;

/// <summary>
/// The two encodings every Ignition writer needs: JSON strings and RFC 2397 data URLs.
/// JSON strings escape '&lt;' and '&gt;' (as \u003c/\u003e), so an MCM placeholder never occurs in plain form inside a string;
/// percent-encoded data URLs carry it in exactly the url.QueryEscape form MCM replaces (see <see cref="Placeholders"/>).
/// </summary>
internal static class IgnitionText
{
    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>Writes <c>data:;base64,…</c> or, when <paramref name="unencoded"/>, the percent-encoded <c>data:,…</c>.</summary>
    public static void WriteDataUrl(PooledBuffer output, ReadOnlySpan<byte> content, bool unencoded)
    {
        if (!unencoded)
        {
            output.Write("data:;base64,"u8);
            var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(content.Length));
            Base64.EncodeToUtf8(content, span, out _, out var written);
            output.Advance(written);
            return;
        }

        output.Write("data:,"u8);
        var dest = output.GetSpan(content.Length * 3);
        var n = 0;
        foreach (var b in content)
        {
            if (IsRaw(b))
            {
                dest[n++] = b;
            }
            else
            {
                dest[n++] = (byte)'%';
                dest[n++] = Hex[b >> 4];
                dest[n++] = Hex[b & 0xF];
            }
        }

        output.Advance(n);
    }

    /// <summary>Writes the UTF-8 of <paramref name="text"/> as a data URL (see <see cref="WriteDataUrl(PooledBuffer, ReadOnlySpan{byte}, bool)"/>).</summary>
    public static void WriteDataUrl(PooledBuffer output, string text, bool unencoded)
    {
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= 4096)
        {
            Span<byte> stack = stackalloc byte[max];
            var n = System.Text.Encoding.UTF8.GetBytes(text, stack);
            WriteDataUrl(output, stack[..n], unencoded);
            return;
        }

        WriteDataUrl(output, System.Text.Encoding.UTF8.GetBytes(text), unencoded);
    }

    /// <summary>Writes a JSON string; escapes '"', '\\', control characters, DEL, '&lt;' and '&gt;'.</summary>
    public static void WriteJsonString(PooledBuffer output, string value)
    {
        output.Write((byte)'"');
        var span = value.AsSpan();
        var start = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != 0x7F)
            {
                continue;
            }

            output.WriteUtf8(span[start..i]);
            start = i + 1;
            switch (c)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\t': output.Write("\\t"u8); break;
                case '\r': output.Write("\\r"u8); break;
                default:
                    output.Write("\\u00"u8);
                    output.Write(Hex[c >> 4]);
                    output.Write(Hex[c & 0xF]);
                    break;
            }
        }

        output.WriteUtf8(span[start..]);
        output.Write((byte)'"');
    }

    /// <summary>RFC 3986 unreserved characters plus sub-delims and ':', '@', '/' except '+' (form-encoding ambiguity); all accepted by both validators.</summary>
    private static bool IsRaw(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' or (byte)'!' or (byte)'$' or (byte)'&' or (byte)'\''
            or (byte)'(' or (byte)')' or (byte)'*' or (byte)',' or (byte)';' or (byte)'=' or (byte)':' or (byte)'@' or (byte)'/';
}
