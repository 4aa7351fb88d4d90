using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GardenerMetal.MetalSim.Http;

/// <summary>The metal-api v1 routes of the simulator plus its <c>/_sim</c> admin routes.</summary>
internal sealed class SimApi
{
    private static readonly MetalApiJsonContext Json = MetalApiJsonContext.Default;
    private readonly SimStore _store;
    private readonly SimAuthenticator _auth;
    private readonly ConcurrentDictionary<string, long[]> _counts = new(StringComparer.Ordinal);

    public SimApi(SimStore store, SimAuthenticator auth)
    {
        _store = store;
        _auth = auth;
        Routes =
        [
            new("allocateMachine", "POST", "/v1/machine/allocate", false, async (c, u) =>
                await Write(c, 200, _store.AllocateMachine(await Read(c, Json.MachineAllocateRequest), MachineRoles.Machine, u.Email), Json.MachineResponse)),
            new("findMachines", "POST", "/v1/machine/find", true, async (c, _) =>
                await Write(c, 200, [.. _store.FindMachines(await Read(c, Json.MachineFindRequest), false)], Json.ListMachineResponse)),
            new("listMachines", "GET", "/v1/machine", true, (c, _) => Write(c, 200, [.. _store.ListMachines(false)], Json.ListMachineResponse)),
            new("findMachine", "GET", "/v1/machine/{id}", true, (c, _) => Write(c, 200, _store.GetMachine(Id(c), false), Json.MachineResponse)),
            new("freeMachine", "DELETE", "/v1/machine/{id}/free", false, (c, _) => Write(c, 200, _store.FreeMachine(Id(c)), Json.MachineResponse)),
            new("allocateFirewall", "POST", "/v1/firewall/allocate", false, async (c, u) =>
            {
                var r = await Read(c, Json.FirewallCreateRequest);
                var m = _store.AllocateMachine(ToMachineRequest(r), MachineRoles.Firewall, u.Email, r.FirewallRules);
                await Write(c, 200, SimStore.ToFirewall(m), Json.FirewallResponse);
            }),
            new("findFirewalls", "POST", "/v1/firewall/find", true, async (c, _) =>
                await Write(c, 200, [.. _store.FindMachines(ToMachineFind(await Read(c, Json.FirewallFindRequest)), true).Select(SimStore.ToFirewall)], Json.ListFirewallResponse)),
            new("listFirewalls", "GET", "/v1/firewall", true, (c, _) => Write(c, 200, [.. _store.ListMachines(true).Select(SimStore.ToFirewall)], Json.ListFirewallResponse)),
            new("findFirewall", "GET", "/v1/firewall/{id}", true, (c, _) => Write(c, 200, SimStore.ToFirewall(_store.GetMachine(Id(c), true)), Json.FirewallResponse)),
            new("allocateNetwork", "POST", "/v1/network/allocate", false, async (c, _) =>
                await Write(c, 201, _store.AllocateNetwork(await Read(c, Json.NetworkAllocateRequest)), Json.NetworkResponse)),
            new("findNetworks", "POST", "/v1/network/find", true, async (c, _) =>
                await Write(c, 200, [.. _store.FindNetworks(await Read(c, Json.NetworkFindRequest))], Json.ListNetworkResponse)),
            new("listNetworks", "GET", "/v1/network", true, (c, _) => Write(c, 200, [.. _store.ListNetworks()], Json.ListNetworkResponse)),
            new("findNetwork", "GET", "/v1/network/{id}", true, (c, _) => Write(c, 200, _store.GetNetwork(Id(c)), Json.NetworkResponse)),
            new("freeNetwork", "DELETE", "/v1/network/free/{id}", false, (c, _) => Write(c, 200, _store.FreeNetwork(Id(c)), Json.NetworkResponse)),
            new("allocateIP", "POST", "/v1/ip/allocate", false, async (c, _) =>
                await Write(c, 201, _store.AllocateIP(await Read(c, Json.IPAllocateRequest)), Json.IPResponse)),
            new("findIPs", "POST", "/v1/ip/find", true, async (c, _) =>
                await Write(c, 200, [.. _store.FindIPs(await Read(c, Json.IPFindRequest))], Json.ListIPResponse)),
            new("listIPs", "GET", "/v1/ip", true, (c, _) => Write(c, 200, [.. _store.ListIPs()], Json.ListIPResponse)),
            new("findIP", "GET", "/v1/ip/{id}", true, (c, _) => Write(c, 200, _store.GetIP(Id(c)), Json.IPResponse)),
            new("updateIP", "POST", "/v1/ip", false, async (c, _) =>
                await Write(c, 200, _store.UpdateIP(await Read(c, Json.IPUpdateRequest)), Json.IPResponse)),
            new("freeIP", "DELETE", "/v1/ip/free/{id}", false, (c, _) => Write(c, 200, _store.FreeIP(Id(c)), Json.IPResponse)),
            new("listImages", "GET", "/v1/image", true, (c, _) => Write(c, 200, [.. _store.ListImages()], Json.ListImageResponse)),
            new("findImages", "POST", "/v1/image/find", true, async (c, _) =>
                await Write(c, 200, [.. _store.FindImages(await Read(c, Json.ImageFindRequest))], Json.ListImageResponse)),
            new("findImage", "GET", "/v1/image/{id}", true, (c, _) => Write(c, 200, _store.GetImage(Id(c)), Json.ImageResponse)),
            new("listSizes", "GET", "/v1/size", true, (c, _) => Write(c, 200, [.. _store.ListSizes()], Json.ListSizeResponse)),
            new("findSize", "GET", "/v1/size/{id}", true, (c, _) => Write(c, 200, _store.GetSize(Id(c)), Json.SizeResponse)),
            new("listPartitions", "GET", "/v1/partition", true, (c, _) => Write(c, 200, [.. _store.ListPartitions()], Json.ListPartitionResponse)),
            new("findPartition", "GET", "/v1/partition/{id}", true, (c, _) => Write(c, 200, _store.GetPartition(Id(c)), Json.PartitionResponse)),
            new("listProjects", "GET", "/v1/project", true, (c, _) => Write(c, 200, [.. _store.ListProjects()], Json.ListProjectResponse)),
            new("findProjects", "POST", "/v1/project/find", true, async (c, _) =>
                await Write(c, 200, [.. _store.FindProjects(await Read(c, Json.ProjectFindRequest))], Json.ListProjectResponse)),
            new("findProject", "GET", "/v1/project/{id}", true, (c, _) => Write(c, 200, _store.GetProject(Id(c)), Json.ProjectResponse)),
            new("info", "GET", "/v1/version", true, (c, _) => Write(c, 200, Version, Json.VersionResponse)),
            new("health", "GET", "/v1/health", true, (c, _) => Write(c, 200, Healthy, Json.HealthResponse)),
        ];
        Faults = new SimFaults(Routes.Select(r => r.OperationId));
    }

    public IReadOnlyList<SimRoute> Routes { get; }

    public SimFaults Faults { get; }

    private static readonly VersionResponse Version = new()
    {
        Name = "metal-api",
        Version = "v0.44.1-sim",
        Revision = "gardenermetal-sim",
        GitSha1 = "0000000",
        BuildDate = "2026-01-01T00:00:00Z",
        MinClientVersion = "v0.0.1",
        ReleaseVersion = "v0.44.1",
    };

    private static readonly HealthResponse Healthy = new() { Status = "healthy", Message = "", Services = new Dictionary<string, HealthResponse>() };

    public long RequestCount(string operationId) => _counts.TryGetValue(operationId, out var c) ? Interlocked.Read(ref c[0]) : 0;

    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var route in Routes)
        {
            app.MapMethods(route.Path, [route.Method], ctx => Handle(ctx, route));
        }

        app.MapGet("/_sim/faults", ctx => Admin(ctx, () =>
            Write(ctx, 200, new Dictionary<string, FaultRule>(Faults.Rules, StringComparer.Ordinal), SimJsonContext.Default.DictionaryStringFaultRule)));
        app.MapPut("/_sim/faults/{id}", ctx => Admin(ctx, async () =>
        {
            var rule = await Read(ctx, SimJsonContext.Default.FaultRule);
            try
            {
                Faults.Set(Id(ctx), rule);
            }
            catch (ArgumentException ex)
            {
                throw SimError.BadRequest(ex.Message);
            }

            await Write(ctx, 200, rule, SimJsonContext.Default.FaultRule);
        }));
        app.MapDelete("/_sim/faults/{id}", ctx => Admin(ctx, () =>
        {
            Faults.Clear(Id(ctx));
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));
        app.MapDelete("/_sim/faults", ctx => Admin(ctx, () =>
        {
            Faults.ClearAll();
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));
    }

    private async Task Handle(HttpContext ctx, SimRoute route)
    {
        Interlocked.Increment(ref _counts.GetOrAdd(route.OperationId, _ => new long[1])[0]);
        try
        {
            var user = _auth.Authenticate(ctx.Request, out var authError);
            if (user is null)
            {
                // Monitoring may probe health and version without credentials.
                if (route.OperationId is not ("health" or "info") || ctx.Request.Headers.Authorization.Count > 0)
                {
                    throw new SimError(401, authError ?? "unauthenticated");
                }

                user = new SimPrincipal("anonymous", false);
            }

            if (!route.Safe && !user.CanWrite)
            {
                throw new SimError(403, "you are not member in one of [metal-edit metal-admin]");
            }

            FaultRule? lose = null;
            if (Faults.Evaluate(route.OperationId) is { } fault)
            {
                if (fault.Rule.Latency > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Rule.Latency, ctx.RequestAborted);
                }

                if (fault.Rule.LostResponse)
                {
                    if (fault.FailNow || (fault.Rule.FailNext == 0 && fault.Rule.ErrorRate == 0))
                    {
                        lose = fault.Rule;
                    }
                }
                else if (fault.FailNow)
                {
                    throw new SimError(fault.Rule.ErrorStatusCode, $"injected fault on {route.OperationId}");
                }

                if (fault.Rule.Timeout)
                {
                    await Task.Delay(fault.Rule.TimeoutDuration, ctx.RequestAborted);
                    throw new SimError(504, $"injected timeout on {route.OperationId}");
                }

                if (fault.Rule.Exhausted)
                {
                    switch (route.OperationId)
                    {
                        case "allocateMachine" or "allocateFirewall":
                            throw SimError.Unprocessable("no machine available");
                        case "allocateIP":
                            throw SimError.Unprocessable("no more ips in prefix");
                        case "allocateNetwork":
                            throw SimError.Unprocessable("no more child prefixes contained in prefix pool");
                    }
                }
            }

            if (lose is not null)
            {
                // Commit the change into a discarded buffer, then answer as if the response got lost on the way.
                var original = ctx.Response.Body;
                using var discarded = new MemoryStream();
                ctx.Response.Body = discarded;
                try
                {
                    await route.Handler(ctx, user);
                }
                finally
                {
                    ctx.Response.Body = original;
                }

                ctx.Response.Clear();
                throw new SimError(lose.ErrorStatusCode, $"injected lost response on {route.OperationId} (the change was committed)");
            }

            await route.Handler(ctx, user);
        }
        catch (SimError e)
        {
            await WriteError(ctx, e.StatusCode, e.Message);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. its timeout fired during an injected hang).
        }
    }

    private async Task Admin(HttpContext ctx, Func<Task> action)
    {
        try
        {
            var user = _auth.Authenticate(ctx.Request, out var error) ?? throw new SimError(401, error ?? "unauthenticated");
            if (user.Email is not ("metal-admin@metal-stack.io" or "sim-bearer@metal-stack.io"))
            {
                throw new SimError(403, "the simulator admin endpoints need Metal-Admin or the bearer token");
            }

            await action();
        }
        catch (SimError e)
        {
            await WriteError(ctx, e.StatusCode, e.Message);
        }
    }

    private static string Id(HttpContext ctx) => ctx.Request.RouteValues["id"] as string ?? "";

    private static async Task<T> Read<T>(HttpContext ctx, JsonTypeInfo<T> typeInfo)
    {
        // Buffer the (small) body and parse it in one synchronous pass: the async streaming path of System.Text.Json
        // is several times slower for the constructor-parameterised request models.
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo)
                ?? throw SimError.BadRequest("request body must not be null");
        }
        catch (JsonException ex)
        {
            throw SimError.BadRequest($"cannot read request body: {ex.Message}");
        }
    }

    private static Task Write<T>(HttpContext ctx, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        // Serialise once into a buffer and send it with a Content-Length in one write (no chunked encoding, no small writes).
        var body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = body.Length;
        return ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).AsTask();
    }

    private static Task WriteError(HttpContext ctx, int status, string message) =>
        ctx.Response.HasStarted
            ? Task.CompletedTask
            : Write(ctx, status, new HttpErrorResponse { StatusCode = status, Message = message }, Json.HttpErrorResponse);

    private static MachineAllocateRequest ToMachineRequest(FirewallCreateRequest r) => new()
    {
        ImageId = r.ImageId,
        PartitionId = r.PartitionId,
        ProjectId = r.ProjectId,
        SizeId = r.SizeId,
        SshPubKeys = r.SshPubKeys,
        Description = r.Description,
        DnsServers = r.DnsServers,
        NtpServers = r.NtpServers,
        FilesystemLayoutId = r.FilesystemLayoutId,
        Hostname = r.Hostname,
        Ips = r.Ips,
        Name = r.Name,
        Networks = r.Networks,
        PlacementTags = r.PlacementTags,
        Tags = r.Tags,
        UserData = r.UserData,
        Uuid = r.Uuid,
    };

    private static MachineFindRequest ToMachineFind(FirewallFindRequest f) => new()
    {
        Id = f.Id,
        Name = f.Name,
        PartitionId = f.PartitionId,
        SizeId = f.SizeId,
        RackId = f.RackId,
        Tags = f.Tags,
        StateValue = f.StateValue,
        AllocationProject = f.AllocationProject,
        AllocationRole = f.AllocationRole,
        AllocationHostname = f.AllocationHostname,
        AllocationName = f.AllocationName,
        AllocationImageId = f.AllocationImageId,
        AllocationSucceeded = f.AllocationSucceeded,
        NetworkIds = f.NetworkIds,
        NetworkIps = f.NetworkIps,
    };
}
