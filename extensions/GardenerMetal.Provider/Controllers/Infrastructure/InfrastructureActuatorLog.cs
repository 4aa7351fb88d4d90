using Microsoft.Extensions.Logging;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>Log messages of the Infrastructure actuator (static texts, ids and CIDRs only; never secrets or user data).</summary>
internal static partial class InfrastructureActuatorLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Allocated node network {NetworkId} ({Cidr}) for cluster {ClusterId}")]
    public static partial void NetworkAllocated(ILogger logger, string networkId, string cidr, string clusterId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Allocated firewall {MachineId} for cluster {ClusterId}")]
    public static partial void FirewallAllocated(ILogger logger, string machineId, string clusterId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Freed firewall {MachineId} of cluster {ClusterId} ({Reason})")]
    public static partial void FirewallFreed(ILogger logger, string machineId, string clusterId, string reason);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Freed node network {NetworkId} of cluster {ClusterId}")]
    public static partial void NetworkFreed(ILogger logger, string networkId, string clusterId);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Freed IP {Ip} of cluster {ClusterId}")]
    public static partial void IpFreed(ILogger logger, string ip, string clusterId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Updated the cluster tags of IP {Ip} (cluster {ClusterId})")]
    public static partial void IpRetagged(ILogger logger, string ip, string clusterId);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Found {Count} node networks of cluster {ClusterId}; keeping {NetworkId}")]
    public static partial void DuplicateNetworks(ILogger logger, int count, string clusterId, string networkId);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Could not free duplicate node network {NetworkId}; will retry")]
    public static partial void DuplicateNetworkNotFreed(ILogger logger, Exception exception, string networkId);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "Force deletion of the infrastructure of cluster {ClusterId} ignored a failure")]
    public static partial void ForceDeleteIgnored(ILogger logger, Exception exception, string clusterId);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Migration keeps the existing status.state; refreshing it from metal-api failed")]
    public static partial void MigrateKeptState(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Adopting node network {NetworkId} and firewall {MachineId} from status.state")]
    public static partial void Adopting(ILogger logger, string networkId, string machineId);
}
