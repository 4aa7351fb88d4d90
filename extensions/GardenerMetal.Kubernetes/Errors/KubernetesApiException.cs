using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Errors;

/// <summary>
/// A failed Kubernetes API call, built from the server's <see cref="Models.Status"/> body. Catch the
/// derived types (<see cref="KubernetesNotFoundException"/>, <see cref="KubernetesConflictException"/>, …)
/// or test <see cref="StatusCode"/>/<see cref="Reason"/>; <see cref="IsRetryable"/> tells whether the
/// same request may succeed later. Messages never contain credentials.
/// </summary>
public class KubernetesApiException : Exception
{
    /// <summary>Creates an exception without server details.</summary>
    public KubernetesApiException()
        : this("The Kubernetes API call failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public KubernetesApiException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesApiException(string message, Exception? innerException)
        : this(0, null, message, innerException)
    {
    }

    /// <summary>Creates an exception from a response.</summary>
    /// <param name="statusCode">HTTP status code (0 when no response arrived).</param>
    /// <param name="status">The server's Status body, if it sent one.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesApiException(int statusCode, Status? status, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Status = status;
    }

    /// <summary>HTTP status code; 0 when no response arrived (connection failure, client timeout).</summary>
    public int StatusCode { get; }

    /// <summary>The server's Status body, when it sent one.</summary>
    public Status? Status { get; }

    /// <summary>The Status reason (e.g. <c>NotFound</c>, <c>AlreadyExists</c>), when known.</summary>
    public string? Reason => Status?.Reason;

    /// <summary>Field-level causes from <c>details.causes</c>; empty when none.</summary>
    public IReadOnlyList<StatusCause> Causes => Status?.Details?.Causes is { } causes ? [.. causes] : [];

    /// <summary>True when retrying the same request later may succeed (429, 5xx, timeouts, connection failures).</summary>
    public virtual bool IsRetryable => false;

    /// <summary>The delay the server asked for (Retry-After or details.retryAfterSeconds), if any.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
