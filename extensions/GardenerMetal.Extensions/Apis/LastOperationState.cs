using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>gardencorev1beta1.LastOperationState.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LastOperationState>))]
public enum LastOperationState
{
    /// <summary>The operation is ongoing.</summary>
    Processing,
    /// <summary>The operation completed successfully.</summary>
    Succeeded,
    /// <summary>The operation completed with errors and will be retried.</summary>
    Error,
    /// <summary>The operation completed with errors and will not be retried.</summary>
    Failed,
    /// <summary>The operation cannot be done now but will be tried later.</summary>
    Pending,
    /// <summary>The operation was aborted.</summary>
    Aborted,
}
