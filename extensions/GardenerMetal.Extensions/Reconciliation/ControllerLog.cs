using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>Log messages of the controller loop.</summary>
internal static partial class ControllerLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Starting controller {Controller} with {Workers} workers")]
    public static partial void Starting(ILogger logger, string controller, int workers);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Controller {Controller} stopped")]
    public static partial void Stopped(ILogger logger, string controller);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Reconcile of {Key} failed, retry after {Delay}: {Description}")]
    public static partial void Retry(ILogger logger, string key, TimeSpan delay, string description);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Shutdown grace period over, cancelling in-flight reconciles of {Controller}")]
    public static partial void GraceOver(ILogger logger, string controller);
}
