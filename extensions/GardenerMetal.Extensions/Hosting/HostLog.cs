using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Hosting;

/// <summary>Log messages of the controller host, leader election and heartbeat.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Controller {Controller} is leading")]
    public static partial void Leading(ILogger logger, string controller);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Controller {Controller} stopped leading")]
    public static partial void StoppedLeading(ILogger logger, string controller);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Controller {Controller} failed; restarting")]
    public static partial void ControllerFailed(ILogger logger, Exception exception, string controller);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Renewing the heartbeat lease failed")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Starting controllers {Controllers}")]
    public static partial void StartingControllers(ILogger logger, string controllers);


    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Shutting down")]
    public static partial void ShuttingDown(ILogger logger);
}
