namespace GardenerMetal.KubeEmulator.Http;

/// <summary>A parsed resource URL: /api/v1/… or /apis/group/version/…[/namespaces/ns]/resource[/name[/subresource]].</summary>
internal sealed record ApiPath(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource, bool LegacyWatch)
{
    /// <summary>Null when the path is not a resource path (discovery or unknown).</summary>
    public static ApiPath? Parse(string[] segments)
    {
        string group;
        string version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            group = string.Empty;
            version = segments[1];
            rest = 2;
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            group = segments[1];
            version = segments[2];
            rest = 3;
        }
        else
        {
            return null;
        }

        var parts = segments[rest..];
        var watch = false;
        if (parts.Length > 0 && parts[0] == "watch")
        {
            watch = true;
            parts = parts[1..];
        }

        string? ns = null;
        if (parts.Length >= 3 && parts[0] == "namespaces" && !(parts.Length == 3 && parts[2] is "status" or "finalize"))
        {
            ns = parts[1];
            parts = parts[2..];
        }

        if (parts.Length is 0 or > 3)
        {
            return null;
        }

        return new ApiPath(group, version, ns, parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null, watch);
    }
}
