using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Errors;

/// <summary>422 Invalid: the object failed validation; see <see cref="KubernetesApiException.Causes"/> for field paths.</summary>
public sealed class KubernetesInvalidException : KubernetesApiException
{
    /// <summary>Creates the exception without server details.</summary>
    public KubernetesInvalidException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public KubernetesInvalidException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesInvalidException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from a response.</summary>
    /// <param name="statusCode">HTTP status code.</param>
    /// <param name="status">The server's Status body.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesInvalidException(int statusCode, Status? status, string message, Exception? innerException = null)
        : base(statusCode, status, message, innerException)
    {
    }
}
