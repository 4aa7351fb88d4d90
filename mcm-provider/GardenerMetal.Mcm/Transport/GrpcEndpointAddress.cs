using System.Globalization;
using System.Net;

namespace GardenerMetal.Mcm.Transport;

/// <summary>
/// Where a server listens or a client connects: <c>unix:///absolute/path</c> (also <c>unix:/path</c>)
/// or <c>host:port</c> with an IP address or <c>localhost</c> (e.g. <c>127.0.0.1:9000</c>, <c>[::1]:9000</c>).
/// </summary>
public sealed record GrpcEndpointAddress
{
    private GrpcEndpointAddress(string? socketPath, IPEndPoint? endPoint)
    {
        SocketPath = socketPath;
        EndPoint = endPoint;
    }

    /// <summary>The unix socket path, or null for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>The TCP end point, or null for a unix socket.</summary>
    public IPEndPoint? EndPoint { get; }

    /// <summary>Whether this is a unix socket.</summary>
    public bool IsUnixSocket => SocketPath is not null;

    /// <summary>Whether only this host can reach the address: a unix socket or a loopback IP.</summary>
    public bool IsLocal => SocketPath is not null || IPAddress.IsLoopback(EndPoint!.Address);

    /// <summary>A unix socket address.</summary>
    public static GrpcEndpointAddress ForUnixSocket(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Path.IsPathRooted(path))
        {
            throw new ArgumentException($"unix socket path '{path}' must be absolute", nameof(path));
        }

        return new GrpcEndpointAddress(path, null);
    }

    /// <summary>A TCP address.</summary>
    public static GrpcEndpointAddress ForEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new GrpcEndpointAddress(null, endPoint);
    }

    /// <summary>Parses an address; the exception names <paramref name="argumentName"/> and says what is wrong.</summary>
    public static GrpcEndpointAddress Parse(string value, string argumentName = "address")
    {
        ArgumentNullException.ThrowIfNull(value);
        if (TryParse(value, out var address, out var error))
        {
            return address;
        }

        throw new FormatException($"{argumentName}: {error}");
    }

    /// <summary>Tries to parse an address.</summary>
    public static bool TryParse(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GrpcEndpointAddress? address, out string error)
    {
        address = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "is empty; expected unix:///path or host:port";
            return false;
        }

        if (value.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = value["unix:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (!path.StartsWith('/') || path.Length < 2)
            {
                error = $"'{value}' has no absolute socket path; expected unix:///absolute/path";
                return false;
            }

            address = new GrpcEndpointAddress(path, null);
            return true;
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            error = $"'{value}' is neither unix:///path nor host:port";
            return false;
        }

        var host = value[..colon];
        if (!int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            error = $"'{value}' has an invalid port (0-65535)";
            return false;
        }

        IPAddress? ip;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            ip = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host.Trim('[', ']'), out ip))
        {
            error = $"'{value}' has host '{host}', which is not an IP address or localhost";
            return false;
        }

        address = new GrpcEndpointAddress(null, new IPEndPoint(ip, port));
        return true;
    }

    /// <summary>The address in the form <see cref="Parse"/> reads (and python grpcio targets accept).</summary>
    public override string ToString() => SocketPath is not null ? "unix://" + SocketPath : EndPoint!.ToString();
}
