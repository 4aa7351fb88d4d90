using GardenerMetal.MetalApi;
using GardenerMetal.Provider.Apis.V1Alpha1;
using InfrastructureResource = GardenerMetal.Extensions.Apis.Infrastructure;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>Everything one actuator call works with, resolved and validated once.</summary>
internal sealed record InfrastructureContext(
    InfrastructureResource Resource,
    string ClusterId,
    InfrastructureConfig Config,
    IMetalApiClient Metal,
    string? ShootNodes,
    string? SshPublicKey)
{
    public string ProjectId => Config.ProjectId!;

    public string PartitionId => Config.PartitionId!;

    public string Namespace => Resource.Metadata.Namespace ?? "";

    public string ClusterTag => MetalTags.Cluster(ClusterId);
}
