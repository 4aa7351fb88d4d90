namespace GardenerMetal.Extensions.Errors;

/// <summary>The result of classifying a failure: codes for lastError, retryability and a retry hint.</summary>
/// <param name="Description">The text for lastError.description.</param>
/// <param name="Codes">Gardener error codes (may be empty).</param>
/// <param name="Retryable">Whether retrying without user action can help.</param>
/// <param name="RetryAfter">The earliest sensible retry, if known.</param>
public sealed record ErrorClassification(string Description, IReadOnlyList<string> Codes, bool Retryable, TimeSpan? RetryAfter = null);
