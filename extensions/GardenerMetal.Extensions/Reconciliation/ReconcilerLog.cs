using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>Log messages of the generic reconciler (static messages, structured values).</summary>
internal static partial class ReconcilerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Object is gone, stop reconciling")]
    public static partial void ObjectGone(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Skipping the reconciliation of {Kind} of failed shoot")]
    public static partial void ShootFailed(ILogger logger, string kind);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Starting operation {Operation} on {Kind}")]
    public static partial void OperationStarting(ILogger logger, string operation, string kind);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Operation {Operation} on {Kind} succeeded")]
    public static partial void OperationSucceeded(ILogger logger, string operation, string kind);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Operation {Operation} on {Kind} failed with codes {Codes}")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string operation, string kind, string codes);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Operation {Operation} on {Kind} pending, requeue after {RequeueAfter}")]
    public static partial void OperationPending(ILogger logger, string operation, string kind, TimeSpan requeueAfter);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Skipping object: {Reason}")]
    public static partial void Skipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Conflict while patching metadata, reading the object again")]
    public static partial void Conflict(ILogger logger);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Reconcile of {Kind} failed before the actuator ran")]
    public static partial void FrameworkError(ILogger logger, Exception exception, string kind);
}
