using System.Globalization;
using System.Net;

namespace GardenerMetal.Provider.Validation;

/// <summary>CIDR parsing as Go's <c>net.ParseCIDR</c>/<c>netip.ParsePrefix</c> do it, a host-bits check, and overlap.</summary>
internal static class Cidr
{
    /// <summary>
    /// Parses "address/prefix" as Go does: a plain IPv4 (four decimal octets) or IPv6 address without
    /// zone, a decimal prefix length within the family's range. Host bits are allowed (as in Go);
    /// <paramref name="network"/> is the masked network and <paramref name="hostBits"/> tells whether
    /// the written address had bits set beyond the prefix.
    /// </summary>
    public static bool TryParse(string? text, out IPNetwork network, out bool hostBits)
    {
        network = default;
        hostBits = false;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0)
        {
            return false;
        }

        var addressText = text[..slash];
        var prefixText = text.AsSpan(slash + 1);
        if (!Syntax.IsIpAddress(addressText) || !IPAddress.TryParse(addressText, out var address)
            || prefixText.Length is 0 or > 3 || !IsDigits(prefixText)
            || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        if (prefix > bytes.Length * 8)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            var mask = (byte)(0xFF << (8 - keep));
            if ((bytes[i] & ~mask & 0xFF) != 0)
            {
                hostBits = true;
            }

            bytes[i] &= mask;
        }

        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }

    /// <summary>A CIDR as Go parses it, and without host bits.</summary>
    public static bool TryParseStrict(string? text, out IPNetwork network) => TryParse(text, out network, out var hostBits) && !hostBits;

    public static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
