namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>How metal-ccm authenticates to the metal-api: which key of the credentials Secret it reads.</summary>
public enum MetalAuthKind
{
    /// <summary><c>METAL_AUTH_HMAC</c> from <c>metalAPIHMac</c>.</summary>
    Hmac,

    /// <summary><c>METAL_AUTH_TOKEN</c> from <c>metalAPIKey</c> (upstream renders only HMAC, so key-based shoots break there).</summary>
    Token,
}
