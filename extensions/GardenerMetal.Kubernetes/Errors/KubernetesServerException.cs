using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Errors;

/// <summary>5xx: the server failed; retryable except 501 Not Implemented.</summary>
public sealed class KubernetesServerException : KubernetesApiException
{
    /// <summary>Creates the exception without server details.</summary>
    public KubernetesServerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public KubernetesServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from a response.</summary>
    /// <param name="statusCode">HTTP status code.</param>
    /// <param name="status">The server's Status body.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesServerException(int statusCode, Status? status, string message, Exception? innerException = null)
        : base(statusCode, status, message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsRetryable => StatusCode != 501;
}
