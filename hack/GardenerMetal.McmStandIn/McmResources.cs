using GardenerMetal.Kubernetes;

namespace GardenerMetal.McmStandIn;

/// <summary>The machine.sapcloud.io/v1alpha1 resources the stand-in reads and writes.</summary>
public static class McmResources
{
    /// <summary>API group of MCM.</summary>
    public const string Group = "machine.sapcloud.io";

    /// <summary>apiVersion of every MCM object.</summary>
    public const string ApiVersion = Group + "/v1alpha1";

    /// <summary>Label that carries the template hash on MachineSets and Machines (as upstream MCM).</summary>
    public const string TemplateHashLabel = "machine-template-hash";

    /// <summary>MachineDeployments.</summary>
    public static ResourceDescriptor MachineDeployments { get; } = new(Group, "v1alpha1", "machinedeployments", "MachineDeployment", true);

    /// <summary>MachineSets.</summary>
    public static ResourceDescriptor MachineSets { get; } = new(Group, "v1alpha1", "machinesets", "MachineSet", true);

    /// <summary>Machines.</summary>
    public static ResourceDescriptor Machines { get; } = new(Group, "v1alpha1", "machines", "Machine", true);

    /// <summary>MachineClasses.</summary>
    public static ResourceDescriptor MachineClasses { get; } = new(Group, "v1alpha1", "machineclasses", "MachineClass", true);
}
