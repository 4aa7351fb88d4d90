using System.Net;

namespace GardenerMetal.MetalApi;

/// <summary>
/// A metal-api call failed: an HTTP error (with metal-api's <c>httperrors.HTTPErrorResponse</c> message),
/// a per-attempt timeout, or a transport error. Messages never contain credentials or request bodies.
/// </summary>
public sealed class MetalApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MetalApiException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MetalApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MetalApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal MetalApiException(string operationId, HttpStatusCode? statusCode, string? metalMessage, MetalApiFailureKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        MetalMessage = metalMessage;
        Kind = kind;
    }

    /// <summary>The Swagger operationId of the failed call (e.g. <c>allocateMachine</c>).</summary>
    public string OperationId { get; } = "";

    /// <summary>The server's Retry-After, when it sent one (used to pace a retry).</summary>
    internal TimeSpan? RetryAfter { get; init; }

    /// <summary>The HTTP status, or <see langword="null"/> for timeouts and transport errors.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>metal-api's error message (<c>message</c> of its error body), if any.</summary>
    public string? MetalMessage { get; }

    /// <summary>What kind of failure this is.</summary>
    public MetalApiFailureKind Kind { get; }

    /// <summary>404: the entity does not exist.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>409: conflict (e.g. network still in use, entity exists).</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;

    /// <summary>
    /// Resources are depleted: metal-api answers 422 with "no machine available" when a partition has no free machine
    /// of the size, and go-ipam's "no more …" messages when a prefix has no free IP or child prefix.
    /// </summary>
    public bool IsExhausted =>
        StatusCode == HttpStatusCode.UnprocessableEntity && MetalMessage is { } m &&
        (m.Contains("no machine available", StringComparison.OrdinalIgnoreCase) ||
         m.Contains("no more", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Authentication failed: 401, or 403 (upstream metal-api answers a bad HMAC or a missing group with 403).
    /// </summary>
    public bool IsUnauthenticated => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>Worth retrying later: 429, 5xx, a timeout or a transport error.</summary>
    public bool IsTransient => Kind is MetalApiFailureKind.Timeout or MetalApiFailureKind.Transport ||
        StatusCode is HttpStatusCode.TooManyRequests || (int?)StatusCode >= 500;
}
