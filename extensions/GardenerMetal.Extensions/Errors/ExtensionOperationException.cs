namespace GardenerMetal.Extensions.Errors;

/// <summary>
/// An actuator failure with Gardener error codes (<see cref="Apis.GardenerErrorCodes"/>). The message becomes
/// <c>status.lastError.description</c>: never put secrets into it.
/// </summary>
public sealed class ExtensionOperationException : Exception
{
    public ExtensionOperationException()
        : this("The operation failed.")
    {
    }

    public ExtensionOperationException(string message)
        : this(message, [], retryable: true)
    {
    }

    public ExtensionOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Codes = [];
        Retryable = true;
    }

    /// <param name="message">What failed (no secrets).</param>
    /// <param name="codes">Gardener <c>ERR_*</c> codes.</param>
    /// <param name="retryable">Whether retrying without user action can help.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="retryAfter">A server hint for when to retry.</param>
    public ExtensionOperationException(string message, IReadOnlyList<string> codes, bool retryable, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(codes);
        Codes = codes;
        Retryable = retryable;
        RetryAfter = retryAfter;
    }

    /// <summary>The Gardener error codes.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Whether retrying without user action can help.</summary>
    public bool Retryable { get; }

    /// <summary>When to retry at the earliest, if known.</summary>
    public TimeSpan? RetryAfter { get; }
}
