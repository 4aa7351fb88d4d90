namespace GardenerMetal.Mcm.Controller;

/// <summary>Machine phases and operation values as MCM writes them.</summary>
public static class MachinePhases
{
    /// <summary>VM created, waiting to run.</summary>
    public const string Pending = "Pending";

    /// <summary>VM exists.</summary>
    public const string Running = "Running";

    /// <summary>Creation keeps failing; retried until the creation timeout.</summary>
    public const string CrashLoopBackOff = "CrashLoopBackOff";

    /// <summary>Given up (creation timeout); the MachineSet replaces the machine.</summary>
    public const string Failed = "Failed";

    /// <summary>Being deleted.</summary>
    public const string Terminating = "Terminating";

    /// <summary>The finalizer of the machine controller, on Machines and on the Secrets their classes reference.</summary>
    public const string Finalizer = "machine.sapcloud.io/machine-controller";

    /// <summary>MCM's finalizer on MachineClasses in use.</summary>
    public const string ClassFinalizer = "machine.sapcloud.io/machine-controller-manager";

    /// <summary>The label carrying the node name (MCM's <c>node</c> label).</summary>
    public const string NodeLabel = "node";
}
