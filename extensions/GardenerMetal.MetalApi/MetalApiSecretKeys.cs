namespace GardenerMetal.MetalApi;

/// <summary>The keys of the Gardener credentials Secret for metal-api (as upstream provider-metal and MCM use them).</summary>
public static class MetalApiSecretKeys
{
    /// <summary>The metal-api base URL.</summary>
    public const string Url = "metalAPIURL";

    /// <summary>The HMAC key (used with the configured auth type).</summary>
    public const string Hmac = "metalAPIHMac";

    /// <summary>A bearer token.</summary>
    public const string Key = "metalAPIKey";
}
