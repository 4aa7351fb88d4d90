using System.Net;

namespace GardenerMetal.Provider.Validation;

/// <summary>Strict CIDR parsing (no host bits) and overlap checks.</summary>
internal static class Cidr
{
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        return !string.IsNullOrWhiteSpace(text) && text.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(text, out network);
    }

    public static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));
}
