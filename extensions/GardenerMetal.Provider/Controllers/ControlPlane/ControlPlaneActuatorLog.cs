using Microsoft.Extensions.Logging;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>Log messages of the ControlPlane actuator (names only; never certificates, tokens or credentials).</summary>
internal static partial class ControlPlaneActuatorLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Deployed managed resource {Name} with {Objects} objects")]
    public static partial void ManagedResourceDeployed(ILogger logger, string name, int objects);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "Waiting for kube-apiserver to be scaled down before hibernating the control plane")]
    public static partial void WaitingForApiServerScaleDown(ILogger logger);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "Deleted managed resource {Name}")]
    public static partial void ManagedResourceDeleted(ILogger logger, string name);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Information, Message = "Waiting for managed resource {Name} to be deleted")]
    public static partial void WaitingForDeletion(ILogger logger, string name);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information, Message = "Released managed resource {Name} for migration, keeping its objects")]
    public static partial void ManagedResourceReleased(ILogger logger, string name);
}
