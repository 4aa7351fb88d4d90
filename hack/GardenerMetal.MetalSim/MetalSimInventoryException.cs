namespace GardenerMetal.MetalSim;

/// <summary>The simulator inventory YAML is invalid; the message names the field (e.g. <c>machines[2].size</c>).</summary>
public sealed class MetalSimInventoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MetalSimInventoryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MetalSimInventoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MetalSimInventoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
