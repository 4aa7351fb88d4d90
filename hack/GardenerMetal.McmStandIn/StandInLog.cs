using Microsoft.Extensions.Logging;

namespace GardenerMetal.McmStandIn;

/// <summary>Log messages of the stand-in (static texts, structured values).</summary>
internal static partial class StandInLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created MachineSet {Namespace}/{Name} with {Replicas} replicas")]
    public static partial void CreatedMachineSet(ILogger logger, string? @namespace, string name, int replicas);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Scaled MachineSet {Namespace}/{Name} from {From} to {To}")]
    public static partial void ScaledMachineSet(ILogger logger, string? @namespace, string name, int from, int to);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Deleted MachineSet {Namespace}/{Name}")]
    public static partial void DeletedMachineSet(ILogger logger, string? @namespace, string name);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Created Machine {Namespace}/{Name}")]
    public static partial void CreatedMachine(ILogger logger, string? @namespace, string name);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Deleted Machine {Namespace}/{Name} (phase {Phase})")]
    public static partial void DeletedMachine(ILogger logger, string? @namespace, string name, string phase);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Reconcile of MachineDeployment {Key} failed; retrying")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "MachineDeployment {Key} has an invalid spec: {Reason}")]
    public static partial void InvalidSpec(ILogger logger, string key, string reason);
}
