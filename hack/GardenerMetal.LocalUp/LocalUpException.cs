namespace GardenerMetal.LocalUp;

/// <summary>A start-up problem the user can fix (port taken, file missing, component failed); the message says how.</summary>
public sealed class LocalUpException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LocalUpException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public LocalUpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public LocalUpException()
    {
    }
}
