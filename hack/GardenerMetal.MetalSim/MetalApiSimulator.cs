using System.Net;
using System.Security.Cryptography;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim.Http;
using GardenerMetal.MetalSim.Inventory;
using GardenerMetal.MetalSim.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.MetalSim;

/// <summary>
/// An in-process metal-api v1 simulator on Kestrel: the routes and JSON shapes the suite uses, HMAC and bearer auth,
/// a YAML inventory, race-free allocation, provisioning events on a clock and runtime fault injection.
/// A test and demo fixture, never production.
/// </summary>
public sealed class MetalApiSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimStore _store;
    private readonly SimApi _api;

    private MetalApiSimulator(WebApplication app, SimStore store, SimApi api, Uri baseAddress, MetalSimOptions options, string admin, string edit, string view, string bearer)
    {
        _app = app;
        _store = store;
        _api = api;
        BaseAddress = baseAddress;
        Options = options;
        AdminHmacKey = admin;
        EditHmacKey = edit;
        ViewHmacKey = view;
        BearerToken = bearer;
    }

    /// <summary>The simulator's base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options it was started with.</summary>
    public MetalSimOptions Options { get; }

    /// <summary>The Metal-Admin HMAC key.</summary>
    public string AdminHmacKey { get; }

    /// <summary>The Metal-Edit HMAC key.</summary>
    public string EditHmacKey { get; }

    /// <summary>The Metal-View HMAC key.</summary>
    public string ViewHmacKey { get; }

    /// <summary>The accepted bearer token (admin rights).</summary>
    public string BearerToken { get; }

    /// <summary>Runtime fault control (the same rules as <c>/_sim/faults</c>).</summary>
    public SimFaults Faults => _api.Faults;

    /// <summary>Starts the simulator; it listens until disposed.</summary>
    /// <exception cref="MetalSimInventoryException">The inventory is invalid.</exception>
    /// <exception cref="ArgumentException">Invalid options (both inventory sources, non-loopback host, bad port).</exception>
    public static async Task<MetalApiSimulator> StartAsync(MetalSimOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InventoryPath is not null && options.InventoryYaml is not null)
        {
            throw new ArgumentException("set at most one of InventoryPath and InventoryYaml", nameof(options));
        }

        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Host '{options.Host}' is not an IP address", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {options.Port} is out of range", nameof(options));
        }

        if (options.ProvisioningStepDuration < TimeSpan.Zero)
        {
            throw new ArgumentException("ProvisioningStepDuration must not be negative", nameof(options));
        }

        var yaml = options.InventoryYaml
            ?? (options.InventoryPath is { } path
                ? (File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : throw new ArgumentException($"InventoryPath '{path}' does not exist", nameof(options)))
                : InventoryLoader.DefaultYaml());
        var doc = InventoryLoader.Parse(yaml);
        var store = new SimStore(doc, options.Clock, options.ProvisioningStepDuration);

        var admin = options.AdminHmacKey ?? RandomKey();
        var edit = options.EditHmacKey ?? RandomKey();
        var view = options.ViewHmacKey ?? RandomKey();
        var bearer = options.BearerToken ?? RandomKey();
        var api = new SimApi(store, new SimAuthenticator(options, admin, edit, view, bearer));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MetalApiSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, options.Port);
        });
        var app = builder.Build();
        app.UseRouting();
        api.Map(app);
        await app.StartAsync(ct);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound.Replace("[::]", options.Host, StringComparison.Ordinal).TrimEnd('/') + "/");
        return new MetalApiSimulator(app, store, api, uri, options, admin, edit, view, bearer);
    }

    /// <summary>Client options for this simulator with HMAC of the given auth type (default Metal-Admin).</summary>
    public MetalApiClientOptions ClientOptions(string authType = MetalApiAuthTypes.Admin) => new()
    {
        BaseAddress = BaseAddress,
        Credentials = MetalApiCredentials.Hmac(KeyFor(authType), authType),
    };

    /// <summary>A new client for this simulator (HMAC, default Metal-Admin). Dispose it.</summary>
    public MetalApiClient CreateClient(string authType = MetalApiAuthTypes.Admin) => new(ClientOptions(authType));

    /// <summary>Secret data as a Gardener credentials Secret holds it: <c>metalAPIURL</c> + <c>metalAPIHMac</c> (admin key), or <c>metalAPIKey</c> (bearer).</summary>
    public Dictionary<string, byte[]> SecretData(bool bearer = false) => new(StringComparer.Ordinal)
    {
        [MetalApiSecretKeys.Url] = System.Text.Encoding.UTF8.GetBytes(BaseAddress.AbsoluteUri),
        [bearer ? MetalApiSecretKeys.Key : MetalApiSecretKeys.Hmac] = System.Text.Encoding.UTF8.GetBytes(bearer ? BearerToken : AdminHmacKey),
    };

    /// <summary>How many requests reached the route (by operationId, e.g. <c>findMachine</c>), including rejected ones.</summary>
    public long RequestCount(string operationId) => _api.RequestCount(operationId);

    /// <summary>Every machine (allocated or not), as GET /v1/machine answers.</summary>
    public IReadOnlyList<MachineResponse> Machines() => _store.ListMachines(false);

    /// <summary>Allocated machines and firewalls.</summary>
    public IReadOnlyList<MachineResponse> AllocatedMachines() => [.. _store.ListMachines(false).Where(m => m.Allocation is not null)];

    /// <summary>Machines (and firewalls) carrying <paramref name="tag"/>, e.g. <c>cluster.metal-stack.io/id=&lt;uid&gt;</c>.</summary>
    public IReadOnlyList<MachineResponse> MachinesWithTag(string tag) =>
        _store.FindMachines(new MachineFindRequest { Tags = [tag] }, false);

    /// <summary>One machine by id, or null.</summary>
    public MachineResponse? Machine(string id)
    {
        try
        {
            return _store.GetMachine(id, false);
        }
        catch (SimError)
        {
            return null;
        }
    }

    /// <summary>Free, allocatable machines of a size in a partition.</summary>
    public int AvailableMachineCount(string partitionId, string sizeId) => _store.AvailableMachines(partitionId, sizeId);

    /// <summary>Sets a machine's liveliness (Alive, Dead, Unknown); only Alive machines are allocated.</summary>
    public void SetMachineLiveliness(string machineId, string liveliness) => _store.SetLiveliness(machineId, liveliness);

    /// <summary>Every network.</summary>
    public IReadOnlyList<NetworkResponse> Networks() => _store.ListNetworks();

    /// <summary>Networks with the label <paramref name="key"/> (and <paramref name="value"/> when given).</summary>
    public IReadOnlyList<NetworkResponse> NetworksWithLabel(string key, string? value = null) =>
        [.. _store.ListNetworks().Where(n => n.Labels is { } l && l.TryGetValue(key, out var v) && (value is null || v == value))];

    /// <summary>Every allocated IP.</summary>
    public IReadOnlyList<IPResponse> IPs() => _store.ListIPs();

    /// <summary>IPs carrying <paramref name="tag"/>.</summary>
    public IReadOnlyList<IPResponse> IPsWithTag(string tag) => _store.FindIPs(new IPFindRequest { Tags = [tag] });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private string KeyFor(string authType) => authType switch
    {
        MetalApiAuthTypes.Admin => AdminHmacKey,
        MetalApiAuthTypes.Edit => EditHmacKey,
        MetalApiAuthTypes.View => ViewHmacKey,
        _ => throw new ArgumentException($"unknown auth type '{authType}'", nameof(authType)),
    };

    private static string RandomKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
