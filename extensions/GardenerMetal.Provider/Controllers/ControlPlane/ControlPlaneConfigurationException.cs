using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>A configuration problem found while resolving the control plane's inputs, naming the field.</summary>
public sealed class ControlPlaneConfigurationException : Exception
{
    public ControlPlaneConfigurationException()
    {
    }

    public ControlPlaneConfigurationException(string message)
        : base(message)
    {
    }

    public ControlPlaneConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ControlPlaneConfigurationException(FieldError error)
        : base(error?.ToString())
    {
        Error = error;
    }

    /// <summary>The field error, when there is one.</summary>
    public FieldError? Error { get; }
}
