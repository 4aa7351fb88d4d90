using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Hosting;

/// <summary>Log messages of the controller host, leader election and heartbeat.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Became leader of {Lease} as {Identity}")]
    public static partial void BecameLeader(ILogger logger, string lease, string identity);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Lost leadership of {Lease}")]
    public static partial void LostLeadership(ILogger logger, string lease);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "Leader election attempt for {Lease} failed")]
    public static partial void ElectionAttemptFailed(ILogger logger, Exception exception, string lease);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Renewing the heartbeat lease failed")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Starting controllers {Controllers}")]
    public static partial void StartingControllers(ILogger logger, string controllers);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Watch of {Resource} ended, re-listing")]
    public static partial void WatchRestart(ILogger logger, Exception? exception, string resource);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Shutting down")]
    public static partial void ShuttingDown(ILogger logger);
}
