using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Controllers.Worker.Mcm;
using GardenerMetal.Provider.Validation;
using Microsoft.Extensions.Logging;
using MetalTags = GardenerMetal.MetalApi.MetalTags;
using MachineImage = GardenerMetal.Provider.Apis.V1Alpha1.MachineImage;
using WorkerResource = GardenerMetal.Extensions.Apis.Worker;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>
/// The Worker actuator of type <c>metal</c>: per pool a MachineClass (metal providerSpec) with its Secret (user data
/// and metal-api credentials) and a MachineDeployment <c>&lt;namespace&gt;-&lt;pool&gt;</c> for the
/// machine-controller-manager. Class names carry a hash of what needs new machines, so such a change rolls the pool.
/// Split by operation: <c>.Reconcile.cs</c>, <c>.Delete.cs</c>, <c>.Migrate.cs</c>, <c>.Restore.cs</c>.
/// </summary>
public sealed partial class WorkerActuator : IWorkerActuator
{
    /// <summary>Shoot annotation: keep each pool's current machine class hash (provider-metal <c>keep-worker-hash</c>).</summary>
    public const string KeepWorkerHashAnnotation = "cluster.metal-stack.io/keep-worker-hash";

    /// <summary>Shoot annotation prefix: <c>cluster.metal-stack.io/use-worker-hash-&lt;pool&gt;: &lt;hash&gt;</c> pins one pool's hash.</summary>
    public const string UseWorkerHashAnnotationPrefix = "cluster.metal-stack.io/use-worker-hash-";

    private const string ClusterNameTag = "cluster.metal-stack.io/name";
    private const string ClusterProjectTag = "cluster.metal-stack.io/project";
    private const string UserDataKey = "userData";

    private static readonly FieldPath PoolsPath = FieldPath.Root("spec", "pools");

    private readonly KubernetesClient _client;
    private readonly WorkerActuatorOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public WorkerActuator(KubernetesClient client, WorkerActuatorOptions options, ILogger<WorkerActuator> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DeletionPollInterval, TimeSpan.Zero, nameof(options));
        _client = client;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    private ResourceClient<JsonObject> MachineClasses => _client.Resource(McmResources.MachineClasses);

    private ResourceClient<JsonObject> MachineDeployments => _client.Resource(McmResources.MachineDeployments);

    private ResourceClient<JsonObject> MachineSets => _client.Resource(McmResources.MachineSets);

    private ResourceClient<JsonObject> Machines => _client.Resource(McmResources.Machines);

    private static ListOptions ClassSecretSelector => new() { LabelSelector = McmResources.PurposeLabel + "=" + McmResources.PurposeMachineClass };

    /// <summary>
    /// Resolves and validates everything the pools need: the shoot UID, project and partition (InfrastructureConfig),
    /// the node network (<c>spec.infrastructureProviderStatus.networkID</c>), the metal-api endpoint and credentials,
    /// DNS/NTP for isolated shoots, and each pool's WorkerConfig.
    /// </summary>
    private async Task<WorkerContext> PrepareAsync(WorkerResource worker, Cluster cluster, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(cluster);
        var shoot = cluster.GetShoot();
        var clusterId = shoot.Uid;
        if (string.IsNullOrEmpty(clusterId))
        {
            throw ActuatorErrors.Configuration("cluster spec.shoot: Required value: the shoot has neither status.uid nor metadata.uid, which tags its machines");
        }

        var errors = new List<FieldError>();
        var infraPath = FieldPath.Root("cluster", "spec", "shoot", "spec", "provider", "infrastructureConfig");
        InfrastructureConfig? infraConfig = null;
        if (shoot.Spec.Provider.InfrastructureConfig is { ValueKind: JsonValueKind.Object } infraRaw)
        {
            var decoded = ProviderConfigDecoder.DecodeInfrastructureConfig(infraRaw, infraPath);
            errors.AddRange(decoded.Errors);
            infraConfig = decoded.Value;
            if (infraConfig is not null && string.IsNullOrEmpty(infraConfig.ProjectId))
            {
                errors.Add(FieldError.Required(infraPath.Child("projectID"), "the machines' metal-api project"));
            }

            if (infraConfig is not null && string.IsNullOrEmpty(infraConfig.PartitionId))
            {
                errors.Add(FieldError.Required(infraPath.Child("partitionID"), "the machines' metal partition"));
            }
        }
        else
        {
            errors.Add(FieldError.Required(infraPath, "the shoot must have an InfrastructureConfig"));
        }

        var cloudProfile = ClusterCloudProfile.Read(cluster);
        var cloudProfilePath = FieldPath.Root("cluster", "spec", "cloudProfile", "spec", "providerConfig");
        CloudProfileConfig? cloudProfileConfig = null;
        if (cloudProfile.Spec.ProviderConfig is { ValueKind: JsonValueKind.Object } cpRaw)
        {
            var decoded = ProviderConfigDecoder.DecodeCloudProfileConfig(cpRaw, cloudProfilePath);
            errors.AddRange(decoded.Errors);
            cloudProfileConfig = decoded.Value;
        }

        var controlPlanePath = FieldPath.Root("cluster", "spec", "shoot", "spec", "provider", "controlPlaneConfig");
        string? accessType = null;
        if (shoot.Spec.Provider.ControlPlaneConfig is { ValueKind: JsonValueKind.Object } cpConfigRaw)
        {
            var decoded = ProviderConfigDecoder.DecodeControlPlaneConfig(cpConfigRaw, controlPlanePath);
            errors.AddRange(decoded.Errors);
            accessType = decoded.Value?.NetworkAccessType;
        }

        var configs = new List<WorkerConfig?>();
        for (var i = 0; i < worker.Spec.Pools.Count; i++)
        {
            var poolPath = PoolsPath.Index(i);
            if (worker.Spec.Pools[i].ProviderConfig is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } raw)
            {
                var configPath = poolPath.Child("providerConfig");
                var decoded = ProviderConfigDecoder.DecodeWorkerConfig(raw, configPath);
                errors.AddRange(decoded.Errors);
                if (decoded.Value is { } config)
                {
                    errors.AddRange(WorkerValidation.ValidateWorkerConfig(config, configPath));
                }

                configs.Add(decoded.Value);
            }
            else
            {
                configs.Add(null);
            }
        }

        if (errors.Count > 0)
        {
            throw ActuatorErrors.Invalid(errors);
        }

        var partition = cloudProfileConfig?.FindPartition(infraConfig!.PartitionId);
        var isolated = accessType is NetworkAccessTypes.Restricted or NetworkAccessTypes.Forbidden;
        var isolation = partition?.Partition.NetworkIsolation;
        if (isolated && isolation is null)
        {
            throw ActuatorErrors.Configuration($"{controlPlanePath.Child("networkAccessType")}: Invalid value: \"{accessType}\": partition {infraConfig!.PartitionId} has no networkIsolation in the CloudProfile");
        }

        var (url, credentials) = await CredentialsAsync(worker, partition?.ControlPlane.Endpoint, ct).ConfigureAwait(false);
        return new WorkerContext(
            worker,
            shoot,
            clusterId,
            infraConfig!.ProjectId!,
            infraConfig.PartitionId!,
            NodeNetworkId(worker),
            cloudProfile,
            url,
            credentials,
            isolated ? isolation!.DnsServers ?? [] : [],
            isolated ? isolation!.NtpServers ?? [] : [],
            IsHibernated(shoot))
        {
            PoolConfigs = configs,
        };
    }

    /// <summary>The node network's metal-api ID from the Infrastructure provider status Gardener copies into the Worker.</summary>
    private static string NodeNetworkId(WorkerResource worker)
    {
        if (worker.Spec.InfrastructureProviderStatus is { ValueKind: JsonValueKind.Object } status
            && status.TryGetProperty("networkID", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } networkId)
        {
            return networkId;
        }

        throw ActuatorErrors.Dependency("spec.infrastructureProviderStatus.networkID: Required value: the Infrastructure has not reported the node network yet");
    }

    private static bool IsHibernated(Shoot shoot) =>
        shoot.Spec.ExtensionData?.TryGetValue("hibernation", out var hibernation) == true
        && hibernation.ValueKind == JsonValueKind.Object
        && hibernation.TryGetProperty("enabled", out var enabled)
        && enabled.ValueKind == JsonValueKind.True;

    /// <summary>
    /// Reads <c>spec.secretRef</c> and holds it with the Worker's finalizer (<see cref="SecretFinalizers"/>): exactly one of <c>metalAPIKey</c> / <c>metalAPIHMac</c>. The URL is the CloudProfile's
    /// metal control plane endpoint for the partition, else the secret's <c>metalAPIURL</c>.
    /// </summary>
    /// <summary>Removes the Worker's finalizer from its <c>spec.secretRef</c> Secret (delete, force delete, migrate).</summary>
    private Task ReleaseSecretAsync(WorkerResource worker, CancellationToken ct)
    {
        var name = worker.Spec.SecretRef.Name;
        var ns = string.IsNullOrEmpty(worker.Spec.SecretRef.Namespace) ? worker.Metadata.Namespace ?? string.Empty : worker.Spec.SecretRef.Namespace;
        return string.IsNullOrEmpty(name) ? Task.CompletedTask : SecretFinalizers.RemoveAsync(_client, ns, name, SecretFinalizers.Worker, ct);
    }

    private async Task<(string Url, IReadOnlyDictionary<string, byte[]> Credentials)> CredentialsAsync(WorkerResource worker, string? endpoint, CancellationToken ct)
    {
        var name = worker.Spec.SecretRef.Name;
        var ns = string.IsNullOrEmpty(worker.Spec.SecretRef.Namespace) ? worker.Metadata.Namespace ?? string.Empty : worker.Spec.SecretRef.Namespace;
        if (string.IsNullOrEmpty(name))
        {
            throw ActuatorErrors.Configuration("spec.secretRef.name: Required value: the metal-api credentials secret must be referenced");
        }

        var secret = await _client.Secrets.TryGetAsync(ns, name, ct).ConfigureAwait(false)
            ?? throw ActuatorErrors.Dependency($"spec.secretRef: the secret {ns}/{name} does not exist");
        await SecretFinalizers.EnsureAsync(_client, ns, name, SecretFinalizers.Worker, ct).ConfigureAwait(false);
        var data = SecretData(secret);
        var hasKey = data.TryGetValue(SecretValidation.ApiKey, out var key) && key.Length > 0;
        var hasHmac = data.TryGetValue(SecretValidation.ApiHmac, out var hmac) && hmac.Length > 0;
        if (hasKey == hasHmac)
        {
            throw ActuatorErrors.Configuration($"spec.secretRef ({ns}/{name}): exactly one of {SecretValidation.ApiHmac} or {SecretValidation.ApiKey} must be set");
        }

        var url = !string.IsNullOrWhiteSpace(endpoint)
            ? endpoint.Trim()
            : data.TryGetValue(SecretValidation.ApiUrl, out var raw) ? Encoding.UTF8.GetString(raw).Trim() : string.Empty;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw ActuatorErrors.Configuration($"spec.secretRef ({ns}/{name}): no metal-api URL: the CloudProfile's metal control plane for the partition has no endpoint and the secret has no http(s) {SecretValidation.ApiUrl}");
        }

        var credentials = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (hasKey)
        {
            credentials[SecretValidation.ApiKey] = key!;
        }
        else
        {
            credentials[SecretValidation.ApiHmac] = hmac!;
        }

        return (url, credentials);
    }

    private static Dictionary<string, byte[]> SecretData(Secret secret)
    {
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            data[key] = value;
        }

        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            data[key] = Encoding.UTF8.GetBytes(value);
        }

        return data;
    }

    /// <summary>
    /// Turns every pool into a <see cref="PoolPlan"/>. All configuration problems of all pools are reported together
    /// as one ERR_CONFIGURATION_PROBLEM naming each field.
    /// </summary>
    /// <param name="context">The resolved inputs.</param>
    /// <param name="pinnedHashes">Pool name → hash to use instead of the computed one.</param>
    /// <param name="ct">Cancellation.</param>
    private async Task<List<PoolPlan>> PlanAsync(WorkerContext context, Dictionary<string, string> pinnedHashes, CancellationToken ct)
    {
        var worker = context.Worker;
        var errors = new List<FieldError>();
        var plans = new List<PoolPlan>();
        var previousImages = PreviousMachineImages(worker);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < worker.Spec.Pools.Count; i++)
        {
            var pool = worker.Spec.Pools[i];
            var path = PoolsPath.Index(i);
            var before = errors.Count;
            if (Syntax.NamePartProblem(pool.Name) is { } nameProblem)
            {
                errors.Add(FieldError.Invalid(path.Child("name"), pool.Name, nameProblem));
            }
            else if (!names.Add(pool.Name))
            {
                errors.Add(FieldError.Duplicate(path.Child("name"), pool.Name));
            }

            if (string.IsNullOrWhiteSpace(pool.MachineType))
            {
                errors.Add(FieldError.Required(path.Child("machineType"), "the metal machine size"));
            }

            if (pool.Minimum < 0)
            {
                errors.Add(FieldError.Invalid(path.Child("minimum"), pool.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture), "must not be negative"));
            }

            if (pool.Maximum < pool.Minimum)
            {
                errors.Add(FieldError.Invalid(path.Child("maximum"), pool.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture), "must not be less than minimum"));
            }

            string? image = null;
            if (pool.MachineImage is not { Name.Length: > 0, Version.Length: > 0 } machineImage)
            {
                errors.Add(FieldError.Required(path.Child("machineImage"), "name and version of the machine image"));
            }
            else
            {
                image = MachineImageResolver.Resolve(machineImage.Name, machineImage.Version, _options.MachineImages, context.CloudProfile, previousImages);
                if (image is null)
                {
                    errors.Add(FieldError.NotSupported(path.Child("machineImage"), machineImage.Name + "-" + machineImage.Version, MachineImageResolver.Offers(context.CloudProfile)));
                }
            }

            var config = context.PoolConfigs.Count > i ? context.PoolConfigs[i] : null;
            var configPath = path.Child("providerConfig");
            var extraNetworks = config?.Networks ?? [];
            for (var n = 0; n < extraNetworks.Count; n++)
            {
                if (string.Equals(extraNetworks[n], context.NetworkId, StringComparison.Ordinal))
                {
                    errors.Add(FieldError.Invalid(configPath.Child("networks").Index(n), extraNetworks[n],
                        "is the shoot's node network, which every machine is attached to already"));
                }
            }

            var roles = config?.Roles ?? [];
            var nodeTemplate = NodeTemplateMerger.Merge(roles, pool, path, configPath.Child("roles"), errors);

            var pinned = pinnedHashes.TryGetValue(pool.Name, out var pin) ? pin : null;
            if (errors.Count > before)
            {
                continue;
            }

            var userData = await UserDataAsync(pool, context.Namespace, path, errors, ct).ConfigureAwait(false);
            if (userData is null)
            {
                continue;
            }

            plans.Add(Plan(context, pool, config, image!, userData, nodeTemplate, pinned));
        }

        if (errors.Count > 0)
        {
            throw ActuatorErrors.Invalid(errors);
        }

        return plans;
    }

    private static PoolPlan Plan(WorkerContext context, WorkerPool pool, WorkerConfig? config, string image, byte[] userData, NodeTemplate nodeTemplate, string? pinnedHash)
    {
        var ns = context.Namespace;
        var deploymentName = ns + "-" + pool.Name;
        var tags = new List<string>
        {
            "kubernetes.io/cluster=" + ns,
            "kubernetes.io/role=node",
            "node.kubernetes.io/instance-type=" + pool.MachineType,
            "topology.kubernetes.io/region=" + context.Worker.Spec.Region,
            "topology.kubernetes.io/zone=" + context.PartitionId,
            MetalTags.Cluster(context.ClusterId),
            ClusterNameTag + "=" + ns,
            ClusterProjectTag + "=" + context.ProjectId,
        };
        tags.AddRange((pool.Labels ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

        var ssh = context.Worker.Spec.SshPublicKey is { Length: > 0 } key ? Encoding.UTF8.GetString(key).Trim() : string.Empty;
        var providerSpec = new MetalProviderSpec
        {
            Partition = context.PartitionId,
            Size = pool.MachineType,
            Image = image,
            Project = context.ProjectId,
            Network = context.NetworkId,
            Networks = config?.Networks is { Count: > 0 } networks ? networks : null,
            Tags = tags,
            SshKeys = ssh.Length > 0 ? [ssh] : null,
            DnsServers = context.DnsServers.Count > 0 ? [.. context.DnsServers.Select(ip => new MetalDnsServer(ip))] : null,
            NtpServers = context.NtpServers.Count > 0 ? [.. context.NtpServers.Select(a => new MetalNtpServer(a))] : null,
            HostSelector = config?.HostSelector,
        };

        // Everything that only takes effect on new machines rolls the pool; labels, taints, annotations, replicas,
        // SSH keys and credentials do not (MCM updates nodes in place; the secret is updated in place).
        var hashInputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["partition"] = providerSpec.Partition,
            ["size"] = providerSpec.Size,
            ["image"] = providerSpec.Image,
            ["project"] = providerSpec.Project,
            ["network"] = providerSpec.Network,
            ["networks"] = string.Join(",", config?.Networks ?? []),
            ["roles"] = string.Join(",", (config?.Roles ?? []).Order(StringComparer.Ordinal)),
            ["hostSelector"] = config?.HostSelector is { } selector ? CanonicalSelector(selector) : string.Empty,
            ["dnsServers"] = string.Join(",", context.DnsServers),
            ["ntpServers"] = string.Join(",", context.NtpServers),
            ["userData"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(userData)),
            ["nodeAgentSecretName"] = pool.NodeAgentSecretName ?? string.Empty,
            ["kubernetesVersion"] = pool.KubernetesVersion ?? string.Empty,
        };
        var computed = WorkerPoolHash.Compute(hashInputs);

        var secretData = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [UserDataKey] = userData,
            [SecretValidation.ApiUrl] = Encoding.UTF8.GetBytes(context.MetalApiUrl),
        };
        foreach (var (name, value) in context.Credentials)
        {
            secretData[name] = value;
        }

        return new PoolPlan
        {
            Pool = pool,
            DeploymentName = deploymentName,
            ComputedHash = computed,
            Hash = pinnedHash ?? computed,
            ProviderSpec = providerSpec,
            SecretData = secretData,
            NodeTemplate = nodeTemplate,
            MachineImage = new MachineImage { Name = pool.MachineImage!.Name, Version = pool.MachineImage.Version, Image = image },
        };
    }

    private static string CanonicalSelector(HostSelector selector)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in (selector.MatchLabels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append(';');
        }

        foreach (var requirement in (selector.MatchExpressions ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Operator, StringComparer.Ordinal))
        {
            text.Append(requirement.Key).Append(' ').Append(requirement.Operator).Append(" (")
                .AppendJoin(',', (requirement.Values ?? []).Order(StringComparer.Ordinal)).Append(");");
        }

        return text.ToString();
    }

    /// <summary>
    /// The pool's user data: the Secret and key of <c>userDataSecretRef</c> (Gardener's OSC result), or the legacy
    /// inline base64 <c>userData</c>. A missing Secret or key is a retryable dependency (the OSC is not ready yet).
    /// </summary>
    private async Task<byte[]?> UserDataAsync(WorkerPool pool, string ns, FieldPath path, List<FieldError> errors, CancellationToken ct)
    {
        if (pool.UserDataSecretRef is { Name.Length: > 0 } reference)
        {
            if (string.IsNullOrEmpty(reference.Key))
            {
                errors.Add(FieldError.Required(path.Child("userDataSecretRef", "key"), "the key of the user data in the secret"));
                return null;
            }

            var secret = await _client.Secrets.TryGetAsync(ns, reference.Name, ct).ConfigureAwait(false)
                ?? throw ActuatorErrors.Dependency($"{path.Child("userDataSecretRef")}: the secret {ns}/{reference.Name} does not exist (yet)");
            if (!SecretData(secret).TryGetValue(reference.Key, out var data) || data.Length == 0)
            {
                throw ActuatorErrors.Dependency($"{path.Child("userDataSecretRef")}: the secret {ns}/{reference.Name} has no data under key '{reference.Key}' (yet)");
            }

            return data;
        }

        if (pool.ExtensionData?.TryGetValue(UserDataKey, out var inline) == true && inline.ValueKind == JsonValueKind.String)
        {
            try
            {
                var data = inline.GetBytesFromBase64();
                if (data.Length > 0)
                {
                    return data;
                }
            }
            catch (FormatException)
            {
                errors.Add(FieldError.Invalid(path.Child(UserDataKey), "<redacted>", "must be base64"));
                return null;
            }
        }

        errors.Add(FieldError.Required(path.Child("userDataSecretRef"), "the pool's user data (the OperatingSystemConfig result secret)"));
        return null;
    }

    private static IReadOnlyList<MachineImage>? PreviousMachineImages(WorkerResource worker)
    {
        if (worker.Status?.ProviderStatus is not { ValueKind: JsonValueKind.Object } raw)
        {
            return null;
        }

        try
        {
            return raw.Deserialize(WorkerJsonContext.Default.WorkerStatus)?.MachineImages;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static WorkerState? ReadState(WorkerResource worker)
    {
        if (worker.Status?.State is not { ValueKind: JsonValueKind.Object } raw)
        {
            return null;
        }

        try
        {
            return raw.Deserialize(WorkerJsonContext.Default.WorkerState);
        }
        catch (JsonException ex)
        {
            throw ActuatorErrors.Configuration($"status.state is not a worker state: {ex.Message}");
        }
    }

    private static string Name(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;

    private static string? Label(JsonObject obj, string key) =>
        obj["metadata"]?["labels"]?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static async Task<List<T>> ListAsync<T>(ResourceClient<T> client, string ns, ListOptions? options, CancellationToken ct)
        where T : class
    {
        var items = new List<T>();
        await foreach (var item in client.ListAllAsync(ns, options, ct).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Deletes, treating "already gone" as success.</summary>
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
