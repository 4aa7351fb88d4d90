using GardenerMetal.Extensions.Apis;
using GardenerMetal.Provider.Apis.V1Alpha1;
using CloudProfile = GardenerMetal.Provider.Apis.Core.CloudProfile;
using WorkerResource = GardenerMetal.Extensions.Apis.Worker;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>Everything one actuator call works with, resolved and validated once.</summary>
internal sealed record WorkerContext(
    WorkerResource Worker,
    Shoot Shoot,
    string ClusterId,
    string ProjectId,
    string PartitionId,
    string NetworkId,
    CloudProfile CloudProfile,
    string MetalApiUrl,
    IReadOnlyDictionary<string, byte[]> Credentials,
    IReadOnlyList<string> DnsServers,
    IReadOnlyList<string> NtpServers,
    bool Hibernated)
{
    public string Namespace => Worker.Metadata.Namespace ?? string.Empty;

    /// <summary>The decoded WorkerConfig of each pool (null when the pool has none), by pool index.</summary>
    public IReadOnlyList<WorkerConfig?> PoolConfigs { get; init; } = [];
}
