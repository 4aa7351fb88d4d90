using GardenerMetal.Kubernetes;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>The machine.sapcloud.io resources.</summary>
public static class McmResources
{
    /// <summary>Machines.</summary>
    public static ResourceDescriptor Machines { get; } = new("machine.sapcloud.io", "v1alpha1", "machines", "Machine", true);

    /// <summary>MachineClasses.</summary>
    public static ResourceDescriptor MachineClasses { get; } = new("machine.sapcloud.io", "v1alpha1", "machineclasses", "MachineClass", true);
}
