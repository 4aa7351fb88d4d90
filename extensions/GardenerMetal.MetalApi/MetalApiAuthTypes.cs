namespace GardenerMetal.MetalApi;

/// <summary>The HMAC auth types metal-api knows (the scheme in the <c>Authorization</c> header).</summary>
public static class MetalApiAuthTypes
{
    /// <summary>Read-only user (<c>--hmac-view-key</c>, 30 s lifetime upstream).</summary>
    public const string View = "Metal-View";

    /// <summary>Editing user (<c>--hmac-edit-key</c>, 30 s lifetime upstream).</summary>
    public const string Edit = "Metal-Edit";

    /// <summary>Admin user (<c>--hmac-admin-key</c>, 90 s lifetime upstream). metal-go's default.</summary>
    public const string Admin = "Metal-Admin";

    /// <summary>The default, as in metal-go (<c>defaultHMACAuthType = "Metal-Admin"</c>).</summary>
    public const string Default = Admin;

    /// <summary>Whether <paramref name="authType"/> is one of the three known auth types (case-sensitive, as upstream).</summary>
    public static bool IsKnown(string? authType) => authType is View or Edit or Admin;
}
