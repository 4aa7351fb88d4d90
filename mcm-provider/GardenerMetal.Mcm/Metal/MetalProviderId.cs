namespace GardenerMetal.Mcm.Metal;

/// <summary>The provider ID of a metal machine: <c>metal:///&lt;partition&gt;/&lt;machine uuid&gt;</c> (as metal-ccm reads it).</summary>
public static class MetalProviderId
{
    /// <summary>The scheme prefix.</summary>
    public const string Prefix = "metal:///";

    /// <summary>Formats the provider ID.</summary>
    public static string Format(string partition, string machineId)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentException.ThrowIfNullOrEmpty(machineId);
        return Prefix + partition + "/" + machineId;
    }

    /// <summary>Reads the machine ID (the last segment); false when the value is not a metal provider ID.</summary>
    public static bool TryParse(string? providerId, out string partition, out string machineId)
    {
        partition = machineId = string.Empty;
        if (providerId is null || !providerId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = providerId[Prefix.Length..];
        var slash = rest.LastIndexOf('/');
        if (slash < 0 || slash == rest.Length - 1)
        {
            return false;
        }

        partition = rest[..slash];
        machineId = rest[(slash + 1)..];
        return !machineId.Contains('/', StringComparison.Ordinal);
    }
}
