using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Errors;

/// <summary>No response: connection refused/reset, DNS or TLS failure.</summary>
public sealed class KubernetesConnectionException : KubernetesApiException
{
    /// <summary>Creates the exception without server details.</summary>
    public KubernetesConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public KubernetesConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from a response.</summary>
    /// <param name="statusCode">HTTP status code.</param>
    /// <param name="status">The server's Status body.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesConnectionException(int statusCode, Status? status, string message, Exception? innerException = null)
        : base(statusCode, status, message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsRetryable => true;
}
