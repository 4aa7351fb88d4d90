namespace GardenerMetal.Provider.Validation;

/// <summary>
/// Names of the rules where this suite is deliberately stricter than upstream provider-metal (each is
/// listed in the admission README with its field path).
/// </summary>
public static class StricterRules
{
    /// <summary>Shoot networking CIDRs must not have host bits set.</summary>
    public const string CidrHostBits = "cidr-host-bits";

    /// <summary>Nodes, pods and services must not overlap each other or the partition's firewall network prefixes.</summary>
    public const string CidrOverlap = "cidr-overlap";

    /// <summary>kube-controller-manager's nodeCIDRMaskSize must fit the pods CIDR.</summary>
    public const string NodeCidrMaskSize = "node-cidr-mask-size";

    /// <summary>A worker pool's providerConfig decodes strictly as our WorkerConfig (upstream does not read it).</summary>
    public const string WorkerConfigDecoding = "worker-config-decoding";

    /// <summary>WorkerConfig roles: valid, unique label name parts.</summary>
    public const string WorkerRoles = "worker-roles";

    /// <summary>WorkerConfig hostSelector: a well-formed label selector.</summary>
    public const string HostSelector = "host-selector";

    /// <summary>WorkerConfig networks: non-empty and unique.</summary>
    public const string WorkerNetworks = "worker-networks";

    /// <summary>firewall.networks entries are unique.</summary>
    public const string FirewallNetworksUnique = "firewall-networks-unique";

    /// <summary>networkAccessType is one of baseline, restricted, forbidden.</summary>
    public const string NetworkAccessTypeValues = "network-access-type-values";

    /// <summary>cloudControllerManager.defaultExternalNetwork is one of the firewall networks.</summary>
    public const string DefaultExternalNetwork = "default-external-network";

    /// <summary>The tenant annotation has a non-empty value.</summary>
    public const string TenantNotEmpty = "tenant-not-empty";

    /// <summary>A registry mirror's port is at most 65535 and not negative.</summary>
    public const string RegistryMirrorPortRange = "registry-mirror-port-range";

    /// <summary>A partition's firewallNetworks prefixes (our addition) are CIDRs without host bits.</summary>
    public const string FirewallNetworkPrefixes = "firewall-network-prefixes";
}
