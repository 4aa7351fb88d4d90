using System.Net;

namespace GardenerMetal.Provider.Validation;

/// <summary>Strict CIDR parsing (no host bits) and overlap checks.</summary>
internal static class Cidr
{
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0
            || !IPAddress.TryParse(text.AsSpan(0, slash), out var address) || !IPNetwork.TryParse(text, out network))
        {
            return false;
        }

        // No host bits: the written address must be the network address.
        return network.BaseAddress.Equals(address);
    }

    public static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));
}
