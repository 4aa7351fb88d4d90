using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Mcm.Metal;

/// <summary>
/// The metal driver: machines are metal-api machines allocated in the providerSpec's partition and
/// project and scoped by the tag <c>cluster.metal-stack.io/id=&lt;shoot uid&gt;</c>.
/// <list type="bullet">
/// <item>CreateMachine is idempotent: it looks for a machine with that allocation name and cluster tag before
/// allocating (serialised per cluster and name), so a repeat returns the same <c>metal:///&lt;partition&gt;/&lt;uuid&gt;</c>.
/// Across processes (two driver replicas, or a restart while a call still runs) it stays safe: after allocating it
/// reads the name again, and when another process allocated for the same name too, the oldest allocation wins and
/// this call frees its own and returns the winner's.</item>
/// <item>Bad input answers InvalidArgument naming the field, without echoing oversized values: <c>machine_name</c>
/// up to <see cref="MaxMachineNameLength"/> characters, <c>provider_id</c> up to <see cref="MaxProviderIdLength"/>.</item>
/// <item>GetMachineStatus answers NotFound for missing, released and other clusters' machines.</item>
/// <item>DeleteMachine of a missing machine is OK, but only on a positive answer: a find that succeeds without it, or a
/// free (or a read after it) showing it released; a 404 of the route itself is Unavailable, never "gone". ListMachines is scoped to project and cluster tag, without firewalls.</item>
/// <item>Codes: exhaustion ResourceExhausted; 401 Unauthenticated; 403 PermissionDenied; 5xx and timeouts Unavailable;
/// a bad providerSpec or secret InvalidArgument naming the field.</item>
/// </list>
/// </summary>
public sealed class MetalMachineDriver : DriverBase
{
    /// <summary>The secret key holding the user data.</summary>
    public const string UserDataKey = "userData";

    /// <summary>The CSI driver whose volume handles carry an nguid (<c>k:v|k:v</c>).</summary>
    public const string LightbitsCsiDriver = "csi.lightbitslabs.com";

    /// <summary>The longest accepted <c>machine_name</c> (a Kubernetes object name, DNS subdomain).</summary>
    public const int MaxMachineNameLength = 253;

    /// <summary>The longest accepted <c>provider_id</c>.</summary>
    public const int MaxProviderIdLength = 512;

    private readonly IMetalApiClientFactory _clients;
    private readonly ILogger _logger;
    private readonly KeyedAsyncLock _createLocks = new();

    // Hot-path caches (GetMachineStatus is called for every Machine on every status check): decoded specs by their
    // bytes, and clients by the credential bytes, so a repeat call neither re-parses JSON nor re-hashes secrets.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ByteString, MetalProviderSpec> _specs = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ByteString? Url, ByteString? Hmac, ByteString? Key), IMetalApiClient> _clientsByCredentials = new();
    private const int MaxCachedEntries = 1024;

    /// <summary>Creates the driver.</summary>
    public MetalMachineDriver(IMetalApiClientFactory clients, ILogger<MetalMachineDriver> logger)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(logger);
        _clients = clients;
        _logger = logger;
    }

    /// <inheritdoc />
    public override async Task<CreateMachineResponse> CreateMachine(CreateMachineRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var name = RequireMachineName(request.MachineName);
        var spec = Spec(request.ProviderSpec);
        var secret = SecretData(request.Secret);
        var userData = UserData(secret, name);
        var client = Client(secret);
        var ct = context.CancellationToken;

        using (await _createLocks.AcquireAsync(spec.ClusterTag + "\n" + name, ct))
        {
            var existing = await CallAsync("find machine", () => FindOwnAsync(client, spec, name, ct));
            if (existing is not null)
            {
                var providerId = ProviderId(existing, spec);
                MetalDriverLog.Adopted(_logger, name, providerId);
                return CreateResponse(existing, providerId, name);
            }

            string? uuid = null;
            if (spec.HostSelector is { } selector)
            {
                uuid = await CallAsync("find free machines", () => ChooseHostAsync(client, spec, selector, ct))
                    ?? throw new RpcException(new Status(StatusCode.ResourceExhausted, $"no free machine of size '{spec.Size}' in partition '{spec.Partition}' matches providerSpec.hostSelector"));
            }

            var allocation = new MachineAllocateRequest
            {
                Name = name,
                Hostname = name,
                Description = $"{name} created by Gardener.",
                UserData = userData,
                SizeId = spec.Size,
                ProjectId = spec.Project,
                PartitionId = spec.Partition,
                ImageId = spec.Image,
                Uuid = uuid,
                Networks = [.. new[] { spec.Network }.Concat(spec.Networks).Select(id => new MachineAllocationNetwork { NetworkId = id, AutoAcquire = true })],
                Tags = spec.Tags,
                SshPubKeys = spec.SshKeys,
                DnsServers = spec.DnsServers.Select(ip => new DNSServer { Ip = ip }).ToList(),
                NtpServers = spec.NtpServers.Select(a => new NTPServer { Address = a }).ToList(),
                PlacementTags = [spec.ClusterTag],
            };
            var machine = await CallAsync("allocate machine", () => client.AllocateMachineAsync(allocation, ct));
            var id = ProviderId(machine, spec);
            MetalDriverLog.Allocated(_logger, name, id);
            var winner = await SettleRaceAsync(client, spec, name, machine, ct);
            return winner == machine ? CreateResponse(machine, id, name) : CreateResponse(winner, ProviderId(winner, spec), name);
        }
    }

    /// <inheritdoc />
    public override async Task<GetMachineStatusResponse> GetMachineStatus(GetMachineStatusRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        CheckMachineName(request.MachineName);
        var spec = Spec(request.ProviderSpec);
        var client = Client(request.Secret);
        var ct = context.CancellationToken;

        MachineResponse? machine;
        if (string.IsNullOrEmpty(request.ProviderId))
        {
            // Not created yet as far as the Machine object knows: look for one created before a crash.
            var name = RequireMachineName(request.MachineName);
            machine = await CallAsync("find machine", () => FindOwnAsync(client, spec, name, ct));
            if (machine is null)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"no metal machine named '{name}' in cluster {spec.ClusterId}"));
            }
        }
        else
        {
            var uuid = ParseProviderId(request.ProviderId);
            try
            {
                machine = await client.GetMachineAsync(uuid, ct);
            }
            catch (MetalApiException ex) when (ex.IsNotFound)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"metal machine {uuid} does not exist"));
            }
            catch (MetalApiException ex)
            {
                throw Failed(ex, "get machine");
            }

            if (machine.Allocation is null)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"metal machine {uuid} is not allocated (released)"));
            }

            if (!machine.Tags.Contains(spec.ClusterTag, StringComparer.Ordinal))
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"metal machine {uuid} does not belong to cluster {spec.ClusterId}"));
            }

            if (request.MachineName.Length > 0 && machine.Allocation.Name != request.MachineName)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"metal machine {uuid} is allocated to '{machine.Allocation.Name}', not '{request.MachineName}'"));
            }
        }

        var response = new GetMachineStatusResponse { ProviderId = ProviderId(machine, spec), NodeName = NodeName(machine, request.MachineName) };
        AddAddresses(response.Addresses, machine);
        return response;
    }

    /// <inheritdoc />
    public override async Task<DeleteMachineResponse> DeleteMachine(DeleteMachineRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        CheckMachineName(request.MachineName);
        var spec = Spec(request.ProviderSpec);
        var client = Client(request.Secret);
        var ct = context.CancellationToken;

        // A 404 from the find route is no proof that the machine is gone (a wrong metalAPIURL answers 404 on every
        // path): only a successful find without the machine, or a free the metal-api confirms, reports OK.
        List<MachineResponse> victims;
        if (string.IsNullOrEmpty(request.ProviderId))
        {
            var name = RequireMachineName(request.MachineName);
            var found = await CallAsync("find machine", () => client.FindMachinesAsync(
                new MachineFindRequest { AllocationName = name, AllocationProject = spec.Project, Tags = [spec.ClusterTag] }, ct), notFoundIsUnconfirmed: true);
            victims = found.Where(m => IsOwn(m, spec) && m.Allocation!.Name == name).ToList();
        }
        else
        {
            var uuid = ParseProviderId(request.ProviderId);
            var found = await CallAsync("find machine", () => client.FindMachinesAsync(
                new MachineFindRequest { Id = uuid, AllocationProject = spec.Project, Tags = [spec.ClusterTag], AllocationRole = MetalTags.MachineRole }, ct), notFoundIsUnconfirmed: true);
            victims = found.Where(m => m.Id == uuid && IsOwn(m, spec)).ToList();
        }

        if (victims.Count == 0)
        {
            MetalDriverLog.AlreadyGone(_logger, request.MachineName);
            return new DeleteMachineResponse();
        }

        foreach (var machine in victims)
        {
            var freedId = ProviderId(machine, spec);
            MachineResponse? after = null;
            try
            {
                after = await client.FreeMachineAsync(machine.Id, ct);
            }
            catch (MetalApiException ex) when (ex.IsNotFound)
            {
                // Freed concurrently, or a route that does not exist: the read below decides.
            }
            catch (MetalApiException ex)
            {
                throw Failed(ex, "free machine");
            }

            if (after is null || !IsFree(after, spec))
            {
                after = await CallAsync("confirm free", () => client.GetMachineAsync(machine.Id, ct), notFoundIsUnconfirmed: true);
                if (!IsFree(after, spec))
                {
                    throw new RpcException(new Status(StatusCode.Unavailable, $"metal machine {machine.Id} is still allocated after free; retrying"));
                }
            }

            MetalDriverLog.Freed(_logger, request.MachineName, freedId);
        }

        return new DeleteMachineResponse();
    }

    /// <summary>Whether the metal-api's answer shows the machine no longer allocated to this cluster.</summary>
    private static bool IsFree(MachineResponse machine, MetalProviderSpec spec) => !IsOwn(machine, spec);

    /// <inheritdoc />
    public override async Task<ListMachinesResponse> ListMachines(ListMachinesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var spec = Spec(request.ProviderSpec);
        var client = Client(request.Secret);
        var found = await CallAsync("find machines", () => client.FindMachinesAsync(
            new MachineFindRequest { AllocationProject = spec.Project, Tags = [spec.ClusterTag] }, context.CancellationToken));

        var response = new ListMachinesResponse();
        foreach (var machine in found.Where(m => IsOwn(m, spec)))
        {
            response.Machines[ProviderId(machine, spec)] = machine.Allocation!.Name;
        }

        return response;
    }

    /// <inheritdoc />
    public override Task<GetVolumeIDsResponse> GetVolumeIDs(GetVolumeIDsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new GetVolumeIDsResponse();
        for (var i = 0; i < request.VolumeSpecs.Count; i++)
        {
            var volume = request.VolumeSpecs[i];
            if (string.IsNullOrEmpty(volume.CsiDriver) || string.IsNullOrEmpty(volume.CsiVolumeHandle))
            {
                continue;
            }

            if (volume.CsiDriver != LightbitsCsiDriver)
            {
                response.VolumeIds.Add(volume.CsiVolumeHandle);
                continue;
            }

            var nguid = volume.CsiVolumeHandle.Split('|')
                .Select(part => part.Split(':', 2))
                .Where(kv => kv.Length == 2 && kv[0] == "nguid" && kv[1].Length > 0)
                .Select(kv => kv[1])
                .FirstOrDefault()
                ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"volume_specs[{i}].csi_volume_handle has no nguid (expected k:v|nguid:<id>|…)"));
            response.VolumeIds.Add(nguid);
        }

        return Task.FromResult(response);
    }

    /// <summary>
    /// After an allocation, another process may have allocated for the same name at the same time (the in-process lock
    /// does not reach it). Reads the name again: the oldest allocation (then the smallest ID) wins; when that is not
    /// <paramref name="mine"/>, frees <paramref name="mine"/> (only ever this call's own) and returns the winner.
    /// </summary>
    private async Task<MachineResponse> SettleRaceAsync(IMetalApiClient client, MetalProviderSpec spec, string name, MachineResponse mine, CancellationToken ct)
    {
        List<MachineResponse> same;
        try
        {
            var found = await client.FindMachinesAsync(
                new MachineFindRequest { AllocationName = name, AllocationProject = spec.Project, Tags = [spec.ClusterTag], AllocationRole = MetalTags.MachineRole },
                ct);
            same = found.Where(m => IsOwn(m, spec) && m.Allocation!.Name == name).ToList();
        }
        catch (MetalApiException)
        {
            // The allocation stands; a repeat CreateMachine (or the orphan sweep) settles any duplicate later.
            return mine;
        }

        if (same.Count <= 1)
        {
            return mine;
        }

        MetalDriverLog.Duplicates(_logger, name, same.Count);
        var winner = same
            .OrderBy(m => m.Allocation!.Created)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .First();
        if (winner.Id == mine.Id)
        {
            return mine;
        }

        try
        {
            await client.FreeMachineAsync(mine.Id, ct);
            MetalDriverLog.FreedDuplicate(_logger, name, ProviderId(mine, spec), ProviderId(winner, spec));
        }
        catch (MetalApiException ex) when (ex.IsNotFound)
        {
            // Freed by someone else already.
        }
        catch (MetalApiException ex)
        {
            throw Failed(ex, "free duplicate machine");
        }

        return winner;
    }

    private static async Task<MachineResponse?> FindOwnAsync(IMetalApiClient client, MetalProviderSpec spec, string name, CancellationToken ct)
    {
        var found = await client.FindMachinesAsync(
            new MachineFindRequest { AllocationName = name, AllocationProject = spec.Project, Tags = [spec.ClusterTag], AllocationRole = MetalTags.MachineRole },
            ct);
        return found
            .Where(m => IsOwn(m, spec) && m.Allocation!.Name == name)
            .OrderBy(m => m.Allocation!.Created)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static async Task<string?> ChooseHostAsync(IMetalApiClient client, MetalProviderSpec spec, MetalHostSelector selector, CancellationToken ct)
    {
        var candidates = await client.FindMachinesAsync(new MachineFindRequest { PartitionId = spec.Partition, SizeId = spec.Size }, ct);
        return candidates
            .Where(m => m.Allocation is null && (m.State?.Value ?? string.Empty).Length == 0 && selector.Matches(m.Tags))
            .Select(m => m.Id)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static bool IsOwn(MachineResponse machine, MetalProviderSpec spec) =>
        machine.Allocation is { } allocation &&
        (allocation.Role.Length == 0 || allocation.Role == MetalTags.MachineRole) &&
        allocation.Project == spec.Project &&
        machine.Tags.Contains(spec.ClusterTag, StringComparer.Ordinal);

    private static string ProviderId(MachineResponse machine, MetalProviderSpec spec)
    {
        // Upstream #18/#20: a machine without partition must not yield metal:////<uuid>.
        var partition = machine.Partition?.Id;
        return MetalProviderId.Format(string.IsNullOrEmpty(partition) ? spec.Partition : partition, machine.Id);
    }

    private static string NodeName(MachineResponse machine, string machineName) =>
        machine.Allocation is { Hostname.Length: > 0 } a ? a.Hostname : machine.Allocation?.Name is { Length: > 0 } n ? n : machineName;

    private static CreateMachineResponse CreateResponse(MachineResponse machine, string providerId, string machineName)
    {
        var response = new CreateMachineResponse { ProviderId = providerId, NodeName = NodeName(machine, machineName) };
        AddAddresses(response.Addresses, machine);
        return response;
    }

    private static void AddAddresses(RepeatedField<NodeAddress> addresses, MachineResponse machine)
    {
        foreach (var network in machine.Allocation?.Networks ?? [])
        {
            foreach (var ip in network.Ips)
            {
                addresses.Add(new NodeAddress { Type = network.Private ? "InternalIP" : "ExternalIP", Address = ip });
            }
        }
    }

    private static string RequireMachineName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "machine_name is required"));
        }

        CheckMachineName(name);
        return name;
    }

    /// <summary>An optional machine_name (may be empty) must still fit; the value is never echoed when it does not.</summary>
    private static void CheckMachineName(string name)
    {
        if (name.Length > MaxMachineNameLength)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"machine_name is {name.Length} characters long; at most {MaxMachineNameLength} are allowed"));
        }
    }

    private static string ParseProviderId(string providerId)
    {
        if (providerId.Length > MaxProviderIdLength)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"provider_id is {providerId.Length} characters long; at most {MaxProviderIdLength} are allowed"));
        }

        return MetalProviderId.TryParse(providerId, out _, out var uuid)
            ? uuid
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"provider_id '{providerId}' is not of the form {MetalProviderId.Prefix}<partition>/<machine uuid>"));
    }

    private static Dictionary<string, byte[]> SecretData(MapField<string, ByteString> secret) =>
        secret.ToDictionary(kv => kv.Key, kv => kv.Value.ToByteArray(), StringComparer.Ordinal);

    private static string UserData(Dictionary<string, byte[]> secret, string machineName)
    {
        if (!secret.TryGetValue(UserDataKey, out var bytes) || bytes.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"secret.{UserDataKey} is missing or empty"));
        }

        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, true).GetString(bytes).Trim();
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"secret.{UserDataKey} is not valid UTF-8"));
        }

        if (UserDataPlaceholders.ContainsBootstrapToken(text))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"secret.{UserDataKey} still contains the {UserDataPlaceholders.BootstrapToken} placeholder; the caller must replace it before CreateMachine"));
        }

        return UserDataPlaceholders.ReplaceMachineName(text, machineName);
    }

    private MetalProviderSpec Spec(ByteString json)
    {
        if (_specs.TryGetValue(json, out var cached))
        {
            return cached;
        }

        var spec = MetalProviderSpecDecoder.Decode(json.Memory);
        if (_specs.Count >= MaxCachedEntries)
        {
            _specs.Clear();
        }

        _specs[json] = spec;
        return spec;
    }

    private IMetalApiClient Client(MapField<string, ByteString> secret)
    {
        var key = (Get(MetalApiSecretKeys.Url), Get(MetalApiSecretKeys.Hmac), Get(MetalApiSecretKeys.Key));
        if (_clientsByCredentials.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var client = Client(SecretData(secret));
        if (_clientsByCredentials.Count >= MaxCachedEntries)
        {
            _clientsByCredentials.Clear();
        }

        _clientsByCredentials[key] = client;
        return client;

        ByteString? Get(string name) => secret.TryGetValue(name, out var value) ? value : null;
    }

    private IMetalApiClient Client(Dictionary<string, byte[]> secret)
    {
        try
        {
            return _clients.GetClient(secret);
        }
        catch (MetalApiConfigurationException ex)
        {
            throw MetalErrors.ToRpc(ex);
        }
    }

    private async Task<T> CallAsync<T>(string action, Func<Task<T>> call, bool notFoundIsUnconfirmed = false)
    {
        try
        {
            return await call();
        }
        catch (MetalApiException ex) when (notFoundIsUnconfirmed && ex.IsNotFound)
        {
            // Deletes must not read a 404 of the route itself as "gone".
            MetalDriverLog.ApiFailed(_logger, action, StatusCode.Unavailable);
            throw new RpcException(new Status(StatusCode.Unavailable, $"{action}: the metal-api answered 404 (check metalAPIURL); the machine is not confirmed free"));
        }
        catch (MetalApiException ex)
        {
            throw Failed(ex, action);
        }
    }

    private RpcException Failed(MetalApiException ex, string action)
    {
        var error = MetalErrors.ToRpc(ex, action);
        MetalDriverLog.ApiFailed(_logger, action, error.StatusCode);
        return error;
    }
}
