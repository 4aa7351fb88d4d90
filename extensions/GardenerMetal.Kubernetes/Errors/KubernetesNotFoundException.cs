using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Errors;

/// <summary>404 Not Found: the object (or its namespace/resource) does not exist.</summary>
public sealed class KubernetesNotFoundException : KubernetesApiException
{
    /// <summary>Creates the exception without server details.</summary>
    public KubernetesNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public KubernetesNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from a response.</summary>
    /// <param name="statusCode">HTTP status code.</param>
    /// <param name="status">The server's Status body.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesNotFoundException(int statusCode, Status? status, string message, Exception? innerException = null)
        : base(statusCode, status, message, innerException)
    {
    }
}
