using GardenerMetal.Extensions.Reconciliation;

namespace GardenerMetal.Provider.IntegrationTests.Support;

/// <summary>A shoot created in the emulator: its seed namespace, UID and Infrastructure key.</summary>
internal sealed record ShootRef(string Namespace, string Uid)
{
    public const string InfrastructureName = "infra";

    public ResourceKey Key => new(Namespace, InfrastructureName);

    public string ClusterTag => GardenerMetal.MetalApi.MetalTags.Cluster(Uid);
}
