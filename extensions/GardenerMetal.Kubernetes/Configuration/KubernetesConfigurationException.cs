namespace GardenerMetal.Kubernetes.Configuration;

/// <summary>A kubeconfig or in-cluster configuration is missing or invalid; the message names the file and field.</summary>
public sealed class KubernetesConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KubernetesConfigurationException()
        : base("Invalid Kubernetes client configuration.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message naming the field.</param>
    public KubernetesConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message naming the field.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
