using GardenerMetal.Extensions.Apis;
using GardenerMetal.Provider.Controllers.Worker.Mcm;
using MetalMachineImage = GardenerMetal.Provider.Apis.V1Alpha1.MachineImage;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>What one Worker pool becomes: its MachineClass (+ Secret) and its MachineDeployment.</summary>
internal sealed record PoolPlan
{
    public required WorkerPool Pool { get; init; }

    /// <summary><c>&lt;namespace&gt;-&lt;pool&gt;</c>.</summary>
    public required string DeploymentName { get; init; }

    /// <summary>The hash computed from the pool's content.</summary>
    public required string ComputedHash { get; init; }

    /// <summary>The hash in use (a pinned one, or <see cref="ComputedHash"/>).</summary>
    public required string Hash { get; init; }

    /// <summary><c>&lt;deployment&gt;-&lt;hash&gt;</c>: the name of the MachineClass and of its Secret.</summary>
    public string ClassName => DeploymentName + "-" + Hash;

    public required MetalProviderSpec ProviderSpec { get; init; }

    /// <summary>The class Secret's data: <c>userData</c>, <c>metalAPIURL</c> and the credential.</summary>
    public required IReadOnlyDictionary<string, byte[]> SecretData { get; init; }

    public required NodeTemplate NodeTemplate { get; init; }

    public required MetalMachineImage MachineImage { get; init; }
}
