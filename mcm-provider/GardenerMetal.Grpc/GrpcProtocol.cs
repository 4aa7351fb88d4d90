using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace GardenerMetal.Grpc;

/// <summary>Wire details of gRPC over HTTP/2 shared by client and server.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const int HeaderSize = 5;
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string UserAgent = "grpc-gardenermetal/1.0";

    private const long MaxTimeoutValue = 99_999_999;

    /// <summary>Whether a header is the transport's own and never surfaces as metadata.</summary>
    public static bool IsReservedHeader(string key) =>
        key.Length == 0 || key[0] == ':' ||
        key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("content-type", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("te", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("host", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("content-length", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("date", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("server", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a content-type is gRPC (<c>application/grpc</c>, <c>application/grpc+proto</c>, with parameters).</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Length == ContentType.Length)
        {
            return true;
        }

        var next = contentType[ContentType.Length];
        return next is '+' or ';';
    }

    /// <summary>Formats a timeout as grpc-timeout (at most 8 digits and a unit); rounds up.</summary>
    public static string FormatTimeout(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 1);
        var micros = (ticks + 9) / 10;
        if (micros <= MaxTimeoutValue)
        {
            return micros.ToString(CultureInfo.InvariantCulture) + "u";
        }

        var millis = (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        if (millis <= MaxTimeoutValue)
        {
            return millis.ToString(CultureInfo.InvariantCulture) + "m";
        }

        var seconds = (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        if (seconds <= MaxTimeoutValue)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + "S";
        }

        var minutes = (ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute;
        if (minutes <= MaxTimeoutValue)
        {
            return minutes.ToString(CultureInfo.InvariantCulture) + "M";
        }

        return Math.Min((ticks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour, MaxTimeoutValue).ToString(CultureInfo.InvariantCulture) + "H";
    }

    /// <summary>Parses grpc-timeout (1–8 digits and one of H M S m u n).</summary>
    public static bool TryParseTimeout(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        if (!long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long ticks;
        switch (value[^1])
        {
            case 'H': ticks = amount * TimeSpan.TicksPerHour; break;
            case 'M': ticks = amount * TimeSpan.TicksPerMinute; break;
            case 'S': ticks = amount * TimeSpan.TicksPerSecond; break;
            case 'm': ticks = amount * TimeSpan.TicksPerMillisecond; break;
            case 'u': ticks = amount * 10; break;
            case 'n': ticks = amount / 100; break;
            default: return false;
        }

        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Percent-encodes grpc-message: UTF-8, bytes outside 0x20–0x7E and '%' as %XX.</summary>
    public static string EncodeMessage(string message)
    {
        var needs = false;
        foreach (var c in message)
        {
            if (c < 0x20 || c > 0x7E || c == '%')
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return message;
        }

        var builder = new StringBuilder(message.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b < 0x20 || b > 0x7E || b == (byte)'%')
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes a percent-encoded grpc-message; malformed escapes are kept as they are.</summary>
    public static string DecodeMessage(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Contains('%', StringComparison.Ordinal))
        {
            return value ?? string.Empty;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length &&
                byte.TryParse(value.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Parses a grpc-status value; values beyond 17 are kept numerically.</summary>
    public static bool TryParseStatusCode(string? value, out GrpcStatusCode code)
    {
        code = GrpcStatusCode.Unknown;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        code = (GrpcStatusCode)number;
        return true;
    }

    /// <summary>gRPC's mapping of a non-200 HTTP status to a status code (doc/http-grpc-status-mapping.md).</summary>
    public static GrpcStatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => GrpcStatusCode.Internal,
        HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
        HttpStatusCode.NotFound => GrpcStatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };

    /// <summary>Writes one length-prefixed, uncompressed message.</summary>
    public static void WriteHeader(Span<byte> destination, int length)
    {
        destination[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>The length a message header (at least 5 bytes present) declares.</summary>
    public static uint ReadDeclaredLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        return BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
    }

    /// <summary>
    /// Reads exactly one message from a complete body. Returns the status to answer on a framing error.
    /// </summary>
    public static GrpcStatus? TryReadSingleMessage(ReadOnlySequence<byte> body, int maxSize, bool compressionAllowed, out ReadOnlySequence<byte> message)
    {
        message = default;
        if (body.Length < HeaderSize)
        {
            return body.Length == 0
                ? new GrpcStatus(GrpcStatusCode.Internal, "No message received; a unary call needs exactly one message.")
                : new GrpcStatus(GrpcStatusCode.Internal, "Incomplete message header.");
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        body.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] != 0)
        {
            return compressionAllowed
                ? new GrpcStatus(GrpcStatusCode.Unimplemented, "Compressed messages are not supported. Supported grpc-encoding: identity.")
                : new GrpcStatus(GrpcStatusCode.Internal, "Compressed flag set on a message without grpc-encoding.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxSize)
        {
            return new GrpcStatus(GrpcStatusCode.ResourceExhausted, $"Received message larger than max ({length} vs. {maxSize}).");
        }

        if (body.Length - HeaderSize < length)
        {
            return new GrpcStatus(GrpcStatusCode.Internal, "Incomplete message.");
        }

        if (body.Length - HeaderSize > length)
        {
            return new GrpcStatus(GrpcStatusCode.Internal, "More than one message received; a unary call takes exactly one.");
        }

        message = body.Slice(HeaderSize, length);
        return null;
    }
}
