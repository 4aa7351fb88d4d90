using System.Text;
using System.Text.Json;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.MetalApi;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Validation;
using Microsoft.Extensions.Logging;
using InfrastructureResource = GardenerMetal.Extensions.Apis.Infrastructure;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// The Infrastructure actuator of type <c>metal</c>: the shoot's node network, its one firewall machine and its egress
/// IPs in metal-api. Every step finds by the cluster tag (<c>cluster.metal-stack.io/id=&lt;shoot uid&gt;</c>) before it
/// allocates, so a controller killed between an allocation and the status write converges without duplicates.
/// Split by operation: <c>.Reconcile.cs</c>, <c>.Delete.cs</c>, <c>.Migrate.cs</c>, <c>.Restore.cs</c>.
/// </summary>
public sealed partial class InfrastructureActuator : IInfrastructureActuator
{
    private static readonly FieldPath ProviderConfigPath = FieldPath.Root("spec", "providerConfig");
    private static readonly FieldPath CloudProfileConfigPath = FieldPath.Root("cluster", "spec", "cloudProfile", "spec", "providerConfig");

    private readonly ISecretDataReader _secrets;
    private readonly IMetalApiClientFactory _clients;
    private readonly InfrastructureActuatorOptions _options;
    private readonly ILogger _logger;

    public InfrastructureActuator(ISecretDataReader secrets, IMetalApiClientFactory clients, InfrastructureActuatorOptions options, ILogger<InfrastructureActuator> logger)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FirewallPollInterval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.NetworkInUseRetryInterval, TimeSpan.Zero, nameof(options));
        _secrets = secrets;
        _clients = clients;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Resolves the shoot UID, the validated InfrastructureConfig, the metal-api endpoint (the CloudProfile's
    /// metalControlPlane holding the partition) and the credentials (<c>spec.secretRef</c>).
    /// </summary>
    /// <param name="lenient">For delete/migrate: skip the CloudProfile offer checks (an image withdrawn later must not block deletion).</param>
    private async Task<InfrastructureContext> PrepareAsync(InfrastructureResource infra, Cluster cluster, bool lenient, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(infra);
        ArgumentNullException.ThrowIfNull(cluster);
        var shoot = cluster.GetShoot();
        var clusterId = shoot.Uid;
        if (string.IsNullOrEmpty(clusterId))
        {
            throw ActuatorErrors.Configuration("cluster spec.shoot: Required value: the shoot has neither status.uid nor metadata.uid, which tags its metal-api objects");
        }

        if (infra.Spec.ProviderConfig is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } raw)
        {
            throw ActuatorErrors.Configuration($"{ProviderConfigPath}: Required value: an InfrastructureConfig must be set");
        }

        var decoded = ProviderConfigDecoder.DecodeInfrastructureConfig(raw, ProviderConfigPath);
        if (!decoded.Succeeded)
        {
            throw Invalid(decoded.Errors);
        }

        var config = decoded.Value!;
        var errors = new List<FieldError>(InfrastructureConfigValidation.Validate(config, ProviderConfigPath).Blocking()); // stricter-than-upstream rules are admission-only (ratcheted)
        var cloudProfile = ClusterCloudProfile.Read(cluster);
        var cloudProfileConfig = cloudProfile.Spec.ProviderConfig is { ValueKind: JsonValueKind.Object } cpRaw
            ? ProviderConfigDecoder.DecodeCloudProfileConfig(cpRaw, CloudProfileConfigPath)
            : null;
        if (cloudProfileConfig is null)
        {
            errors.Add(FieldError.Required(CloudProfileConfigPath, "the CloudProfile must carry a CloudProfileConfig with metalControlPlanes"));
        }
        else if (!cloudProfileConfig.Succeeded)
        {
            errors.AddRange(cloudProfileConfig.Errors);
        }
        else if (!lenient)
        {
            errors.AddRange(InfrastructureConfigValidation.ValidateAgainstCloudProfile(config, infra.Spec.Region, cloudProfile, cloudProfileConfig.Value, ProviderConfigPath));
        }

        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        var found = cloudProfileConfig!.Value!.FindPartition(config.PartitionId)
            ?? throw Invalid([FieldError.Invalid(ProviderConfigPath.Child("partitionID"), config.PartitionId, "the cloud profile defines no such partition in any metal control plane")]);
        var (controlPlaneName, controlPlane, _) = found;
        if (string.IsNullOrWhiteSpace(controlPlane.Endpoint))
        {
            throw Invalid([FieldError.Required(CloudProfileConfigPath.Child("metalControlPlanes").Key(controlPlaneName).Child("endpoint"), "the metal control plane holding the partition has no endpoint")]);
        }

        var metal = await ClientAsync(infra, controlPlane.Endpoint, ct).ConfigureAwait(false);
        if (!lenient)
        {
            // Reconcile and restore hold the credentials so that a delete can still reach the metal-api.
            await HoldSecretAsync(infra, hold: true, ct).ConfigureAwait(false);
        }

        var ssh = infra.Spec.SshPublicKey is { Length: > 0 } key ? Encoding.UTF8.GetString(key).Trim() : null;
        return new InfrastructureContext(infra, clusterId, config, metal, NullIfEmpty(shoot.Spec.Networking?.Nodes), string.IsNullOrEmpty(ssh) ? null : ssh);
    }

    /// <summary>Adds or removes the Infrastructure's finalizer on its <c>spec.secretRef</c> Secret.</summary>
    private Task HoldSecretAsync(InfrastructureResource infra, bool hold, CancellationToken ct)
    {
        var name = infra.Spec.SecretRef.Name;
        var ns = string.IsNullOrEmpty(infra.Spec.SecretRef.Namespace) ? infra.Metadata.Namespace ?? "" : infra.Spec.SecretRef.Namespace;
        return string.IsNullOrEmpty(name) ? Task.CompletedTask : _secrets.HoldAsync(ns, name, hold, ct);
    }

    private async Task<IMetalApiClient> ClientAsync(InfrastructureResource infra, string endpoint, CancellationToken ct)
    {
        var name = infra.Spec.SecretRef.Name;
        var ns = string.IsNullOrEmpty(infra.Spec.SecretRef.Namespace) ? infra.Metadata.Namespace ?? "" : infra.Spec.SecretRef.Namespace;
        if (string.IsNullOrEmpty(name))
        {
            throw ActuatorErrors.Configuration("spec.secretRef.name: Required value: the metal-api credentials secret must be referenced");
        }

        var data = await _secrets.ReadAsync(ns, name, ct).ConfigureAwait(false)
            ?? throw ActuatorErrors.Configuration($"spec.secretRef: the secret {ns}/{name} does not exist");

        // The endpoint comes from the CloudProfile's metal control plane; the secret supplies the credentials.
        var effective = new Dictionary<string, byte[]>(data, StringComparer.Ordinal)
        {
            [MetalApiSecretKeys.Url] = Encoding.UTF8.GetBytes(endpoint.Trim()),
        };

        MetalApiClientOptions options;
        try
        {
            options = MetalApiClientOptions.FromSecretData(effective, _options.HmacAuthType);
        }
        catch (MetalApiConfigurationException ex)
        {
            throw new ExtensionOperationException($"spec.secretRef ({ns}/{name}): {ex.Message}", [GardenerErrorCodes.ConfigurationProblem], retryable: false, ex);
        }

        return _clients.GetClient(options);
    }

    private static ExtensionOperationException Invalid(IReadOnlyList<FieldError> errors) =>
        ActuatorErrors.Configuration("invalid configuration: " + string.Join("; ", errors.Select(e => e.ToString())));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Runs one metal-api call, mapping its failure to Gardener error codes.</summary>
    private static async Task<T> Metal<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (MetalApiException ex)
        {
            throw MetalErrors.Map(ex, what);
        }
    }

    /// <summary>Frees, treating "already gone" as success.</summary>
    private static async Task<bool> FreeIfPresent(Func<Task> call, string what)
    {
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (MetalApiException ex) when (ex.IsNotFound)
        {
            return false;
        }
        catch (MetalApiException ex)
        {
            throw MetalErrors.Map(ex, what);
        }
    }

    private static InfrastructureState? ReadState(InfrastructureResource infra)
    {
        if (infra.Status?.State is not { ValueKind: JsonValueKind.Object } raw)
        {
            return null;
        }

        try
        {
            return raw.Deserialize(InfrastructureJsonContext.Default.InfrastructureState);
        }
        catch (JsonException ex)
        {
            throw new ExtensionOperationException($"status.state is not an InfrastructureState: {ex.Message}", [GardenerErrorCodes.ConfigurationProblem], retryable: false, ex);
        }
    }

    /// <summary>Writes nodesCIDR, networking.nodes, providerStatus, egressCIDRs and state onto the resource (the framework persists them).</summary>
    private static void WriteStatus(InfrastructureResource infra, InfrastructureState state)
    {
        var status = infra.EnsureStatus();
        var cidr = state.NodeNetwork?.Cidr;
        if (!string.IsNullOrEmpty(cidr))
        {
            status.NodesCidr = cidr;
            status.Networking ??= new InfrastructureStatusNetworking();
            status.Networking.Nodes = [cidr];
        }

        status.ProviderStatus = JsonSerializer.SerializeToElement(
            new InfrastructureProviderStatus { Firewall = new FirewallStatus { MachineId = state.Firewall?.MachineId }, NetworkId = state.NodeNetwork?.Id },
            InfrastructureJsonContext.Default.InfrastructureProviderStatus);
        if (state.EgressIps is { } egress)
        {
            status.EgressCidrs = egress.Count == 0 ? null : [.. egress.Select(ip => ip + (ip.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"))];
        }

        status.State = JsonSerializer.SerializeToElement(state, InfrastructureJsonContext.Default.InfrastructureState);
    }
}
