namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>The object changed since it was read (HTTP 409 on an optimistic-lock patch).</summary>
public sealed class StoreConflictException : Exception
{
    public StoreConflictException()
        : base("The object has been modified; read it again and retry.")
    {
    }

    public StoreConflictException(string message)
        : base(message)
    {
    }

    public StoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
