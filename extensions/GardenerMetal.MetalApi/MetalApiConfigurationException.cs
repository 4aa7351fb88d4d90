namespace GardenerMetal.MetalApi;

/// <summary>
/// The metal-api connection settings are invalid (missing URL, both or neither credential, …).
/// The message names the offending keys, never their values.
/// </summary>
public sealed class MetalApiConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MetalApiConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MetalApiConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MetalApiConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
