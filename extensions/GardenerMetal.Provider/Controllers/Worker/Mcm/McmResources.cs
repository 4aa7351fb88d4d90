using GardenerMetal.Kubernetes;

namespace GardenerMetal.Provider.Controllers.Worker.Mcm;

/// <summary>The machine-controller-manager API (<c>machine.sapcloud.io/v1alpha1</c>) as far as the Worker actuator uses it.</summary>
public static class McmResources
{
    /// <summary>The API group.</summary>
    public const string Group = "machine.sapcloud.io";

    /// <summary>The API version (group/version).</summary>
    public const string ApiVersion = Group + "/v1alpha1";

    /// <summary>MCM's finalizer on MachineDeployments, MachineSets, Machines, MachineClasses and their Secrets.</summary>
    public const string Finalizer = "machine.sapcloud.io/machine-controller-manager";

    /// <summary>
    /// The machine controller's finalizer on Machines and on the Secrets its MachineClasses reference (MCM
    /// <c>MCFinalizerName</c>); a force delete strips it too, as Gardener's worker actuator does.
    /// </summary>
    public const string MachineControllerFinalizer = "machine.sapcloud.io/machine-controller";

    /// <summary>Both MCM finalizers.</summary>
    public static IReadOnlyList<string> Finalizers { get; } = [Finalizer, MachineControllerFinalizer];

    /// <summary>The <c>provider</c> of every metal MachineClass.</summary>
    public const string Provider = "metal";

    /// <summary>The label Gardener puts on machine class secrets (<c>gardener.cloud/purpose</c>).</summary>
    public const string PurposeLabel = "gardener.cloud/purpose";

    /// <summary>The value of <see cref="PurposeLabel"/> on machine class secrets.</summary>
    public const string PurposeMachineClass = "machineclass";

    /// <summary>The label naming the worker pool of a MachineDeployment (<c>worker.gardener.cloud/pool</c>).</summary>
    public const string PoolLabel = "worker.gardener.cloud/pool";

    /// <summary>The selector label of a MachineDeployment's machines (Gardener's <c>LabelKeyMachineDeploymentName</c>).</summary>
    public const string DeploymentNameLabel = "name";

    public static ResourceDescriptor MachineClasses { get; } = new(Group, "v1alpha1", "machineclasses", "MachineClass", Namespaced: true);

    public static ResourceDescriptor MachineDeployments { get; } = new(Group, "v1alpha1", "machinedeployments", "MachineDeployment", Namespaced: true);

    public static ResourceDescriptor MachineSets { get; } = new(Group, "v1alpha1", "machinesets", "MachineSet", Namespaced: true);

    public static ResourceDescriptor Machines { get; } = new(Group, "v1alpha1", "machines", "Machine", Namespaced: true);
}
