using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Controllers.Infrastructure;
using GardenerMetal.Provider.Validation;
using Microsoft.Extensions.Logging;
using ControlPlaneResource = GardenerMetal.Extensions.Apis.ControlPlane;
using InfrastructureResource = GardenerMetal.Extensions.Apis.Infrastructure;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// The ControlPlane actuator of type <c>metal</c> (upstream: Gardener's generic control-plane actuator with
/// provider-metal's values provider): secrets (CA and metal-ccm's serving certificate, the shoot-access token Secret),
/// then the ManagedResources <c>extension-controlplane-seed</c>, <c>-shoot</c> and <c>-storageclasses</c> rendered by
/// <see cref="ControlPlaneRenderer"/>. Split by operation: <c>.Reconcile.cs</c>, <c>.Delete.cs</c>, <c>.Migrate.cs</c>,
/// <c>.Restore.cs</c>.
/// </summary>
public sealed partial class ControlPlaneActuator : IControlPlaneActuator
{
    /// <summary>Cluster annotation naming the generic token kubeconfig Secret Gardener provides in the namespace.</summary>
    public const string GenericKubeconfigAnnotation = "generic-token-kubeconfig.secret.gardener.cloud/name";

    private static readonly FieldPath ConfigPath = FieldPath.Root("cluster", "spec", "shoot", "spec", "provider", "controlPlaneConfig");
    private static readonly FieldPath InfraConfigPath = FieldPath.Root("cluster", "spec", "shoot", "spec", "provider", "infrastructureConfig");
    private static readonly FieldPath CloudProfileConfigPath = FieldPath.Root("cluster", "spec", "cloudProfile", "spec", "providerConfig");

    private readonly KubernetesClient _client;
    private readonly IMetalApiClientFactory _metal;
    private readonly ImageVector _images;
    private readonly ControlPlaneActuatorOptions _options;
    private readonly ILogger _logger;
    private readonly ControlPlaneSecrets _secrets;

    public ControlPlaneActuator(KubernetesClient client, IMetalApiClientFactory metal, ImageVector images, ControlPlaneActuatorOptions options, ILogger<ControlPlaneActuator> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(metal);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero, nameof(options));
        foreach (var name in ImageNames.All)
        {
            _ = images.Image(name); // fail at start-up, not at the first reconcile
        }

        _client = client;
        _metal = metal;
        _images = images;
        _options = options;
        _logger = logger;
        _secrets = new ControlPlaneSecrets(client, time ?? TimeProvider.System);
    }

    private ResourceClient<JsonObject> ManagedResources => _client.Resource(ControlPlaneResources.ManagedResources);

    /// <summary>
    /// Resolves and validates the inputs: the configs from the Cluster (decoded strictly, validated with the shared
    /// validation), the node network and nodes CIDR, the credentials, the DNSRecord (not while hibernated), the SSH key
    /// and, from the metal-api, the default external network.
    /// </summary>
    private async Task<ControlPlaneContext> PrepareAsync(ControlPlaneResource cp, Cluster cluster, CancellationToken ct)
    {
        var ns = cp.Metadata.Namespace ?? string.Empty;
        var shoot = cluster.GetShoot();
        var clusterId = shoot.Uid;
        if (string.IsNullOrEmpty(clusterId))
        {
            throw ActuatorErrors.Configuration("cluster spec.shoot: Required value: the shoot has neither status.uid nor metadata.uid (METAL_CLUSTER_ID)");
        }

        var errors = new List<FieldError>();
        InfrastructureConfig? infraConfig = null;
        if (shoot.Spec.Provider.InfrastructureConfig is { ValueKind: JsonValueKind.Object } infraRaw)
        {
            var decoded = ProviderConfigDecoder.DecodeInfrastructureConfig(infraRaw, InfraConfigPath);
            errors.AddRange(decoded.Errors);
            infraConfig = decoded.Value;
            if (infraConfig is not null && string.IsNullOrEmpty(infraConfig.ProjectId))
            {
                errors.Add(FieldError.Required(InfraConfigPath.Child("projectID"), "the shoot's metal-api project"));
            }

            if (infraConfig is not null && string.IsNullOrEmpty(infraConfig.PartitionId))
            {
                errors.Add(FieldError.Required(InfraConfigPath.Child("partitionID"), "the shoot's metal partition"));
            }
        }
        else
        {
            errors.Add(FieldError.Required(InfraConfigPath, "the shoot must have an InfrastructureConfig"));
        }

        var cloudProfile = ClusterCloudProfile.Read(cluster);
        CloudProfileConfig? cloudProfileConfig = null;
        if (cloudProfile.Spec.ProviderConfig is { ValueKind: JsonValueKind.Object } cpRaw)
        {
            var decoded = ProviderConfigDecoder.DecodeCloudProfileConfig(cpRaw, CloudProfileConfigPath);
            errors.AddRange(decoded.Errors);
            cloudProfileConfig = decoded.Value;
        }

        var config = new ControlPlaneConfig();
        if (shoot.Spec.Provider.ControlPlaneConfig is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } configRaw)
        {
            var decoded = ProviderConfigDecoder.DecodeControlPlaneConfig(configRaw, ConfigPath);
            errors.AddRange(decoded.Errors);
            config = decoded.Value ?? config;
        }

        if (errors.Count == 0)
        {
            errors.AddRange(ControlPlaneConfigValidation.Validate(config, infraConfig, cloudProfileConfig, ConfigPath));
        }

        if (errors.Count > 0)
        {
            throw ActuatorErrors.Invalid(errors);
        }

        var partition = cloudProfileConfig?.FindPartition(infraConfig!.PartitionId);
        var hibernated = IsHibernated(shoot);
        var shootName = shoot.Metadata.Name ?? string.Empty;
        var kubeconfigSecret = cluster.Metadata.Annotations?.TryGetValue(GenericKubeconfigAnnotation, out var kc) == true && !string.IsNullOrEmpty(kc)
            ? kc
            : throw ActuatorErrors.Dependency($"cluster metadata.annotations[{GenericKubeconfigAnnotation}]: Required value: Gardener has not announced the generic token kubeconfig Secret yet");

        var (url, auth, metal) = await MetalClientAsync(cp, partition?.ControlPlane.Endpoint, ct).ConfigureAwait(false);
        var firewallNetworks = infraConfig!.Firewall.Networks ?? [];
        var networks = NeedsNetworkLookup(config)
            ? await NetworksAsync(metal, firewallNetworks, ct).ConfigureAwait(false)
            : new Dictionary<string, NetworkResponse>(StringComparer.Ordinal);
        string defaultExternal;
        try
        {
            defaultExternal = DefaultExternalNetwork.Choose(config, firewallNetworks, networks, ConfigPath, InfraConfigPath.Child("firewall", "networks"));
        }
        catch (ControlPlaneConfigurationException ex)
        {
            throw ActuatorErrors.Configuration(ex.Message);
        }

        var infrastructure = await ExtensionResources.Client<InfrastructureResource>(_client).TryGetAsync(ns, cp.Metadata.Name ?? string.Empty, ct).ConfigureAwait(false);
        var nodesCidr = infrastructure?.Status?.NodesCidr;
        if (string.IsNullOrEmpty(nodesCidr))
        {
            throw ActuatorErrors.Dependency($"Infrastructure {ns}/{cp.Metadata.Name}: status.nodesCIDR: Required value: the Infrastructure has not reported the node network yet");
        }

        var apiServerIps = hibernated ? [] : await ApiServerIpsAsync(ns, shootName, ct).ConfigureAwait(false);
        var values = new ControlPlaneValues
        {
            Namespace = ns,
            ClusterId = clusterId,
            ProjectId = infraConfig.ProjectId!,
            PartitionId = infraConfig.PartitionId!,
            NetworkId = NodeNetworkId(cp, infrastructure!),
            DefaultExternalNetworkId = defaultExternal,
            AdditionalNetworks = firewallNetworks,
            LoadBalancer = string.Equals(shoot.Spec.Networking?.Type, "cilium", StringComparison.Ordinal) ? "cilium" : "metallb",
            SshPublicKey = await SshPublicKeyAsync(ns, ct).ConfigureAwait(false),
            MetalApiUrl = url,
            Auth = auth,
            CredentialsSecretName = cp.Spec.SecretRef.Name ?? string.Empty,
            CcmFeatureGates = config.CloudControllerManager?.FeatureGates ?? new Dictionary<string, bool>(),
            ScaledDown = hibernated,
            GenericKubeconfigSecretName = kubeconfigSecret,
            ServerCertSecretName = ControlPlaneSecrets.CcmServerName,
            NodeCidr = nodesCidr,
            ApiServerIps = apiServerIps,
            DisableCsiLvm = config.FeatureGates?.DisableCsiLvm == true,
            CustomDefaultClassName = config.CustomDefaultStorageClass?.ClassName is { } className ? className : null,
            Images = _images,
        };
        return new ControlPlaneContext(ns, shootName, hibernated, values);
    }

    private static bool NeedsNetworkLookup(ControlPlaneConfig config) =>
        config.NetworkAccessType != NetworkAccessTypes.Forbidden && config.CloudControllerManager?.DefaultExternalNetwork is null;

    /// <summary>The firewall networks and their parents from the metal-api; a missing network is left out (the chooser names it).</summary>
    private static async Task<Dictionary<string, NetworkResponse>> NetworksAsync(IMetalApiClient metal, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var result = new Dictionary<string, NetworkResponse>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await GetNetworkAsync(metal, id, ct).ConfigureAwait(false) is not { } network)
            {
                continue;
            }

            result[id] = network;
            if (!string.IsNullOrEmpty(network.ParentNetworkId) && !result.ContainsKey(network.ParentNetworkId)
                && await GetNetworkAsync(metal, network.ParentNetworkId, ct).ConfigureAwait(false) is { } parent)
            {
                result[parent.Id] = parent;
            }
        }

        return result;
    }

    private static async Task<NetworkResponse?> GetNetworkAsync(IMetalApiClient metal, string id, CancellationToken ct)
    {
        try
        {
            return await metal.GetNetworkAsync(id, ct).ConfigureAwait(false);
        }
        catch (MetalApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
        catch (MetalApiException ex)
        {
            throw MetalErrors.Map(ex, $"metal-api: reading network {id}");
        }
    }

    /// <summary>The node network: the ControlPlane's copy of the Infrastructure provider status, else the Infrastructure's own.</summary>
    private static string NodeNetworkId(ControlPlaneResource cp, InfrastructureResource infrastructure)
    {
        foreach (var status in new[] { cp.Spec.InfrastructureProviderStatus, infrastructure.Status?.ProviderStatus })
        {
            if (status is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("networkID", out var id)
                && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } networkId)
            {
                return networkId;
            }
        }

        throw ActuatorErrors.Dependency("spec.infrastructureProviderStatus.networkID: Required value: the Infrastructure has not reported the node network yet");
    }

    /// <summary>The kube-apiserver IPs: <c>spec.values</c> of the DNSRecord <c>&lt;shoot&gt;-external</c>.</summary>
    private async Task<IReadOnlyList<string>> ApiServerIpsAsync(string ns, string shootName, CancellationToken ct)
    {
        var name = shootName + "-external";
        var record = await _client.Resource(ControlPlaneResources.DnsRecords).TryGetAsync(ns, name, ct).ConfigureAwait(false)
            ?? throw ActuatorErrors.Dependency($"DNSRecord {ns}/{name} does not exist (yet): the kube-apiserver addresses are unknown");
        var ips = (record["spec"]?["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>()).OfType<string>().Where(v => v.Length > 0).ToList();
        return ips.Count > 0 ? ips : throw ActuatorErrors.Dependency($"DNSRecord {ns}/{name}: spec.values: Required value: no kube-apiserver address yet");
    }

    /// <summary>The newest <c>ssh-keypair</c> Secret's <c>id_rsa.pub</c> ("" when SSH access is off).</summary>
    private async Task<string> SshPublicKeyAsync(string ns, CancellationToken ct)
    {
        var candidates = new List<Secret>();
        await foreach (var secret in _client.Secrets.ListAllAsync(ns, new ListOptions { LabelSelector = "name=ssh-keypair" }, ct).ConfigureAwait(false))
        {
            candidates.Add(secret);
        }

        if (candidates.Count == 0 && await _client.Secrets.TryGetAsync(ns, "ssh-keypair", ct).ConfigureAwait(false) is { } plain)
        {
            candidates.Add(plain);
        }

        var newest = candidates.OrderByDescending(s => s.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue).ThenByDescending(s => s.Metadata.Name, StringComparer.Ordinal).FirstOrDefault();
        return newest?.Data?.TryGetValue("id_rsa.pub", out var key) == true ? Encoding.UTF8.GetString(key).Trim() : string.Empty;
    }

    /// <summary>
    /// The metal-api URL (the CloudProfile's metal control plane endpoint for the partition, else the Secret's
    /// <c>metalAPIURL</c>), which key metal-ccm reads, and a client for the network lookups.
    /// </summary>
    private async Task<(string Url, MetalAuthKind Auth, IMetalApiClient Client)> MetalClientAsync(ControlPlaneResource cp, string? endpoint, CancellationToken ct)
    {
        var name = cp.Spec.SecretRef.Name;
        var ns = string.IsNullOrEmpty(cp.Spec.SecretRef.Namespace) ? cp.Metadata.Namespace ?? string.Empty : cp.Spec.SecretRef.Namespace;
        if (string.IsNullOrEmpty(name))
        {
            throw ActuatorErrors.Configuration("spec.secretRef.name: Required value: the metal-api credentials secret must be referenced");
        }

        var secret = await _client.Secrets.TryGetAsync(ns, name, ct).ConfigureAwait(false)
            ?? throw ActuatorErrors.Configuration($"spec.secretRef: the secret {ns}/{name} does not exist");
        var data = new Dictionary<string, byte[]>(secret.Data ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            data[MetalApiSecretKeys.Url] = Encoding.UTF8.GetBytes(endpoint.Trim());
        }

        MetalApiClientOptions options;
        try
        {
            options = MetalApiClientOptions.FromSecretData(data, _options.HmacAuthType);
        }
        catch (MetalApiConfigurationException ex)
        {
            throw new ExtensionOperationException($"spec.secretRef ({ns}/{name}): {ex.Message}", [GardenerErrorCodes.ConfigurationProblem], retryable: false, ex);
        }

        var url = Encoding.UTF8.GetString(data[MetalApiSecretKeys.Url]).Trim();
        var auth = data.TryGetValue(SecretValidation.ApiHmac, out var hmac) && hmac.Length > 0 ? MetalAuthKind.Hmac : MetalAuthKind.Token;
        return (url, auth, _metal.GetClient(options));
    }

    internal static bool IsHibernated(Shoot shoot) =>
        shoot.Spec.ExtensionData?.TryGetValue("hibernation", out var hibernation) == true
        && hibernation.ValueKind == JsonValueKind.Object
        && hibernation.TryGetProperty("enabled", out var enabled)
        && enabled.ValueKind == JsonValueKind.True;

    private static async Task DeleteIfPresentAsync<T>(ResourceClient<T> client, string ns, string name, CancellationToken ct)
        where T : class
    {
        try
        {
            await client.DeleteAsync(ns, name, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException)
        {
        }
    }
}
