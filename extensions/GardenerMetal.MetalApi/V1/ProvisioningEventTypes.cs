namespace GardenerMetal.MetalApi.V1;

/// <summary>Provisioning event strings of metal-api (<c>internal/metal/provisioning.go</c>; note the spaces).</summary>
public static class ProvisioningEventTypes
{
    /// <summary>The machine is alive.</summary>
    public const string Alive = "Alive";
    /// <summary>The machine crashed.</summary>
    public const string Crashed = "Crashed";
    /// <summary>PXE boot.</summary>
    public const string PxeBooting = "PXE Booting";
    /// <summary>A planned reboot.</summary>
    public const string PlannedReboot = "Planned Reboot";
    /// <summary>metal-hammer prepares the machine.</summary>
    public const string Preparing = "Preparing";
    /// <summary>metal-hammer registers the machine.</summary>
    public const string Registering = "Registering";
    /// <summary>Waiting for an allocation.</summary>
    public const string Waiting = "Waiting";
    /// <summary>Installing the allocated image.</summary>
    public const string Installing = "Installing";
    /// <summary>Kexec into the installed kernel.</summary>
    public const string BootingNewKernel = "Booting New Kernel";
    /// <summary>The installed OS phoned home.</summary>
    public const string PhonedHome = "Phoned Home";
    /// <summary>A freed machine is being reclaimed.</summary>
    public const string MachineReclaim = "Machine Reclaim";
}
