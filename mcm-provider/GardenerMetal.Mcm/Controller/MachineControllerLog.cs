using Microsoft.Extensions.Logging;

namespace GardenerMetal.Mcm.Controller;

/// <summary>Log messages of the machine controller.</summary>
internal static partial class MachineControllerLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Machine {Machine} created as {ProviderId}")]
    public static partial void Created(ILogger logger, string machine, string providerId);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Machine {Machine}: {Operation} failed with {Code}; retry in {Retry}")]
    public static partial void Failed(ILogger logger, string machine, string operation, string code, TimeSpan retry);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Machine {Machine}: VM deleted, finalizer removed")]
    public static partial void Deleted(ILogger logger, string machine);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Orphan sweep skipped: {Reason}")]
    public static partial void SweepSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Orphan sweep deleted VM {ProviderId} of missing machine {Machine}")]
    public static partial void OrphanDeleted(ILogger logger, string providerId, string machine);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Reconcile of {Key} failed")]
    public static partial void ReconcileFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Machine {Machine}: creation timed out; phase Failed")]
    public static partial void TimedOut(ILogger logger, string machine);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Machine {Machine}: VM reported missing, not yet declared gone ({Reason})")]
    public static partial void VmMissingUnconfirmed(ILogger logger, string machine, string reason);

    [LoggerMessage(EventId = 208, Level = LogLevel.Warning, Message = "Machine {Machine}: VM {ProviderId} confirmed gone; phase Failed")]
    public static partial void VmGone(ILogger logger, string machine, string providerId);

    [LoggerMessage(EventId = 209, Level = LogLevel.Information, Message = "MachineClass {MachineClass} is being deleted but {Machines} Machine(s) still use it; its finalizer stays")]
    public static partial void ClassInUse(ILogger logger, string machineClass, int machines);

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "MachineClass {MachineClass} released: its finalizer and its Secrets' finalizers removed")]
    public static partial void ClassReleased(ILogger logger, string machineClass);

    [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "Reconcile of {Key}: the seed API answered {StatusCode} (object changed or gone meanwhile); retrying with a fresh read")]
    public static partial void ReconcileStale(ILogger logger, string key, int statusCode);
}
