namespace GardenerMetal.MetalApi;

/// <summary>The kind of a <see cref="MetalApiException"/>.</summary>
public enum MetalApiFailureKind
{
    /// <summary>metal-api answered with a non-success HTTP status.</summary>
    Http,

    /// <summary>One attempt exceeded <see cref="MetalApiClientOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The connection failed (refused, reset, DNS, TLS).</summary>
    Transport,

    /// <summary>metal-api answered success but the body was not the expected JSON.</summary>
    InvalidResponse,
}
