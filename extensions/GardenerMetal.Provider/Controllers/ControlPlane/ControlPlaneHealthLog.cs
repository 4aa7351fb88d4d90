using Microsoft.Extensions.Logging;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>Log messages of the ControlPlane healthcheck.</summary>
internal static partial class ControlPlaneHealthLog
{
    [LoggerMessage(EventId = 6221, Level = LogLevel.Warning, Message = "Health check pass failed; retrying next interval")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6222, Level = LogLevel.Information, Message = "ControlPlane in {Namespace}: {Condition} is not healthy ({Reason})")]
    public static partial void Unhealthy(ILogger logger, string @namespace, string condition, string reason);
}
