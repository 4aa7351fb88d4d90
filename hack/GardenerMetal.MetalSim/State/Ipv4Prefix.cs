using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GardenerMetal.MetalSim.State;

/// <summary>An IPv4 CIDR prefix with host bits zero.</summary>
internal readonly record struct Ipv4Prefix(uint Network, int Length)
{
    public ulong Size => 1UL << (32 - Length);

    public uint Last => (uint)(Network + Size - 1);

    public static bool TryParse(string? text, out Ipv4Prefix prefix, out string error)
    {
        prefix = default;
        error = "";
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0)
        {
            error = $"'{text}' is not a CIDR prefix (a.b.c.d/len)";
            return false;
        }

        if (!IPAddress.TryParse(text.AsSpan(0, slash), out var address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            error = $"'{text}' has no valid IPv4 address (only IPv4 is simulated)";
            return false;
        }

        if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length is < 0 or > 32)
        {
            error = $"'{text}' has an invalid prefix length";
            return false;
        }

        var network = ToUInt(address);
        var mask = length == 0 ? 0u : uint.MaxValue << (32 - length);
        if ((network & ~mask) != 0)
        {
            error = $"'{text}' has host bits set";
            return false;
        }

        prefix = new Ipv4Prefix(network, length);
        return true;
    }

    public bool Contains(uint address) => address >= Network && address <= Last;

    public bool Overlaps(Ipv4Prefix other) => Network <= other.Last && other.Network <= Last;

    public static uint ToUInt(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    public static string Format(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");

    public static bool TryParseAddress(string? text, out uint address)
    {
        address = 0;
        if (text is null || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        address = ToUInt(ip);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Format(Network)}/{Length}");
}
