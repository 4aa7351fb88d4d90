using Microsoft.Extensions.Logging;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>Log messages of the Worker actuator (names and counts only; never user data or credentials).</summary>
internal static partial class WorkerActuatorLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Deployed machine class {ClassName} for pool {Pool}")]
    public static partial void ClassDeployed(ILogger logger, string className, string pool);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Deployed machine deployment {Name} with {Replicas} replicas")]
    public static partial void DeploymentDeployed(ILogger logger, string name, int replicas);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Pool {Pool} keeps the pinned worker hash {Hash}")]
    public static partial void HashPinned(ILogger logger, string pool, string hash);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Deleted unused {Kind} {Name}")]
    public static partial void Deleted(ILogger logger, string kind, string name);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Waiting for {Count} machines to be deleted")]
    public static partial void WaitingForMachines(ILogger logger, int count);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Information, Message = "Removed the machine-controller-manager finalizer from {Kind} {Name}")]
    public static partial void FinalizerRemoved(ILogger logger, string kind, string name);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "Restored {MachineSets} machine sets and {Machines} machines of {Name}")]
    public static partial void Restored(ILogger logger, int machineSets, int machines, string name);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Warning, Message = "Deletion blocked: {Count} machine(s) report a failed delete")]
    public static partial void DeletionBlocked(ILogger logger, int count);
}
