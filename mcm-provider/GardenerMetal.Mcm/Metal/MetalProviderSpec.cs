using GardenerMetal.MetalApi;

namespace GardenerMetal.Mcm.Metal;

/// <summary>
/// The metal MachineClass providerSpec (upstream machine-controller-manager-provider-metal
/// <c>apis/provider_spec.go</c>, plus <c>hostSelector</c>). Decode with <see cref="MetalProviderSpecDecoder"/>.
/// </summary>
public sealed record MetalProviderSpec
{
    /// <summary>The metal-api partition ID.</summary>
    public required string Partition { get; init; }

    /// <summary>The machine size ID.</summary>
    public required string Size { get; init; }

    /// <summary>The OS image ID.</summary>
    public required string Image { get; init; }

    /// <summary>The metal-api project ID.</summary>
    public required string Project { get; init; }

    /// <summary>The node network ID (allocated with autoacquire).</summary>
    public required string Network { get; init; }

    /// <summary>
    /// Additional metal networks (IDs) the machine is attached to besides <see cref="Network"/>, each allocated
    /// with autoacquire (an IP in each), in this order.
    /// </summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>Machine tags; must contain <c>cluster.metal-stack.io/id=&lt;shoot uid&gt;</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>SSH public keys.</summary>
    public IReadOnlyList<string> SshKeys { get; init; } = [];

    /// <summary>DNS servers for the machine.</summary>
    public IReadOnlyList<string> DnsServers { get; init; } = [];

    /// <summary>NTP servers for the machine.</summary>
    public IReadOnlyList<string> NtpServers { get; init; } = [];

    /// <summary>Optional selector over the machines' <c>key=value</c> tags: only matching free machines are allocated.</summary>
    public MetalHostSelector? HostSelector { get; init; }

    /// <summary>The shoot UID from the cluster tag.</summary>
    public required string ClusterId { get; init; }

    /// <summary>The cluster tag, <c>cluster.metal-stack.io/id=&lt;uid&gt;</c>.</summary>
    public string ClusterTag => MetalTags.ClusterId + "=" + ClusterId;
}
