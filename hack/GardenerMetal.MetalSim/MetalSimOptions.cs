namespace GardenerMetal.MetalSim;

/// <summary>Settings of a <see cref="MetalApiSimulator"/>.</summary>
public sealed record MetalSimOptions
{
    /// <summary>Loopback address to bind. Default <c>127.0.0.1</c>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (tests). Default 0.</summary>
    public int Port { get; init; }

    /// <summary>Path of an inventory YAML file. At most one of <see cref="InventoryPath"/> and <see cref="InventoryYaml"/>; neither = the default inventory.</summary>
    public string? InventoryPath { get; init; }

    /// <summary>Inventory YAML text.</summary>
    public string? InventoryYaml { get; init; }

    /// <summary>Clock of the simulated world (provisioning events, timestamps). Default system time; pass a <see cref="SimulatedClock"/> to step it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Duration of one provisioning step: after allocation a machine reports Installing after one step,
    /// Booting New Kernel after two and Phoned Home (allocation succeeded) after three; a freed machine is Waiting
    /// (allocatable) again one step after Machine Reclaim. Zero makes everything immediate. Default 1 s.
    /// </summary>
    public TimeSpan ProvisioningStepDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Metal-Admin HMAC key; random when null.</summary>
    public string? AdminHmacKey { get; init; }

    /// <summary>Metal-Edit HMAC key; random when null.</summary>
    public string? EditHmacKey { get; init; }

    /// <summary>Metal-View HMAC key; random when null.</summary>
    public string? ViewHmacKey { get; init; }

    /// <summary>Accepted bearer token (admin rights); random when null.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Max age of a Metal-View X-Date (metal-api <c>--hmac-view-lifetime</c>, 30 s).</summary>
    public TimeSpan ViewHmacLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Max age of a Metal-Edit X-Date (metal-api <c>--hmac-edit-lifetime</c>, 30 s).</summary>
    public TimeSpan EditHmacLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Max age of a Metal-Admin X-Date (metal-api <c>--hmac-admin-lifetime</c>, 90 s).</summary>
    public TimeSpan AdminHmacLifetime { get; init; } = TimeSpan.FromSeconds(90);
}
