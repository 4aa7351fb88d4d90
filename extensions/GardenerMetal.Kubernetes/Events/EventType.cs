namespace GardenerMetal.Kubernetes.Events;

/// <summary>Event types.</summary>
public static class EventType
{
    /// <summary>Something expected happened.</summary>
    public const string Normal = "Normal";

    /// <summary>Something went wrong or needs attention.</summary>
    public const string Warning = "Warning";
}
