namespace GardenerMetal.Extensions.Errors;

/// <summary>
/// Implemented by client exceptions that carry an HTTP status (e.g. the metal-api client's), so that
/// <see cref="ErrorClassifier"/> can map them to Gardener error codes without depending on that client.
/// </summary>
public interface IHasStatusCode
{
    /// <summary>The HTTP status code of the failed call.</summary>
    int StatusCode { get; }

    /// <summary>The server's Retry-After hint, if any.</summary>
    TimeSpan? RetryAfter => null;
}
