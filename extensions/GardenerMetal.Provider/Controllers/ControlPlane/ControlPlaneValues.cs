namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// Everything <see cref="ControlPlaneRenderer"/> needs, resolved by the actuator from the Cluster, the ControlPlane,
/// the Infrastructure, the DNSRecord, Secrets and the metal-api. Rendering is a pure function of these values.
/// </summary>
public sealed record ControlPlaneValues
{
    /// <summary>The shoot's seed namespace (<c>shoot--project--name</c>).</summary>
    public required string Namespace { get; init; }

    /// <summary>The shoot UID (<c>METAL_CLUSTER_ID</c>).</summary>
    public required string ClusterId { get; init; }

    public required string ProjectId { get; init; }

    public required string PartitionId { get; init; }

    /// <summary>The shoot's node network in the metal-api (<c>METAL_NETWORK_ID</c>).</summary>
    public required string NetworkId { get; init; }

    /// <summary>"" when the shoot has none (forbidden access).</summary>
    public required string DefaultExternalNetworkId { get; init; }

    /// <summary>The firewall networks (<c>METAL_ADDITIONAL_NETWORKS</c>).</summary>
    public IReadOnlyList<string> AdditionalNetworks { get; init; } = [];

    /// <summary><c>metallb</c>, or <c>cilium</c> for cilium networking.</summary>
    public string LoadBalancer { get; init; } = "metallb";

    public string SshPublicKey { get; init; } = "";

    public required string MetalApiUrl { get; init; }

    public MetalAuthKind Auth { get; init; } = MetalAuthKind.Hmac;

    /// <summary>The credentials Secret in the namespace (the ControlPlane's <c>spec.secretRef.name</c>).</summary>
    public string CredentialsSecretName { get; init; } = "cloudprovider";

    public IReadOnlyDictionary<string, bool> CcmFeatureGates { get; init; } = new Dictionary<string, bool>();

    /// <summary>Hibernated: metal-ccm runs with 0 replicas.</summary>
    public bool ScaledDown { get; init; }

    /// <summary>The generic token kubeconfig Secret Gardener provides (Cluster annotation).</summary>
    public required string GenericKubeconfigSecretName { get; init; }

    /// <summary>The Secret holding metal-ccm's serving certificate (<c>tls.crt</c>, <c>tls.key</c>).</summary>
    public required string ServerCertSecretName { get; init; }

    /// <summary>A checksum of the server certificate Secret: a renewed certificate rolls metal-ccm.</summary>
    public string ServerCertChecksum { get; init; } = "";

    /// <summary>The Infrastructure's <c>status.nodesCIDR</c>.</summary>
    public string NodeCidr { get; init; } = "";

    /// <summary>The kube-apiserver IPs from the DNSRecord (empty while hibernated).</summary>
    public IReadOnlyList<string> ApiServerIps { get; init; } = [];

    public bool DisableCsiLvm { get; init; }

    /// <summary>
    /// <c>customDefaultStorageClass.className</c>: null when not set (csi-lvm is the default class), else another
    /// class is the default — "" meaning no metal-stack class is the default (upstream #444).
    /// </summary>
    public string? CustomDefaultClassName { get; init; }

    public required ImageVector Images { get; init; }
}
