using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using GardenerMetal.Admission.Hosting;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Mcm.Hosting;
using GardenerMetal.Mcm.Transport;
using GardenerMetal.McmStandIn;
using GardenerMetal.MetalSim;
using GardenerMetal.OsConfig.Hosting;
using GardenerMetal.Provider.Controllers.Infrastructure;
using GardenerMetal.Provider.Controllers.Worker;
using GardenerMetal.Provider.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.LocalUp;

/// <summary>
/// The local seed with every deployable of the suite wired to it: the Kubernetes API emulator (seed and garden API),
/// the metal-api simulator, the admission webhook (its real binary as a child process, registered with the emulator),
/// provider-metal (infrastructure + worker controllers), os-metal, the MCM driver with its machine controller, and the
/// MCM stand-in (MachineDeployment/MachineSet). In-process components start through the same entry points their hosts
/// use (<see cref="ProviderMetalProgram"/>, <see cref="OsMetalProgram"/>, <see cref="DriverHost"/>).
/// <c>make up</c> and the end-to-end test both use it.
/// </summary>
public sealed class LocalSeed : IAsyncDisposable
{
    /// <summary>Seed namespace of the example shoot.</summary>
    public const string ShootNamespace = "shoot--local--demo";

    /// <summary>Garden namespace of the example shoot.</summary>
    public const string GardenNamespace = "garden-local";

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly List<Component> _components = [];
    private readonly LocalSeedOptions _options;
    private readonly TextWriter _out;
    private readonly string _state;
    private KubeEmulatorServer? _emulator;
    private MetalApiSimulator? _sim;
    private KubernetesClient? _client;
    private bool _workerApplied;

    private LocalSeed(LocalSeedOptions options, TextWriter output)
    {
        _options = options;
        _out = output;
        _state = Path.GetFullPath(options.StateDirectory);
    }

    /// <summary>The Kubernetes API emulator (seed API; also the garden API of the admission webhook).</summary>
    public KubeEmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("not started");

    /// <summary>The metal-api simulator.</summary>
    public MetalApiSimulator Simulator => _sim ?? throw new InvalidOperationException("not started");

    /// <summary>A client of the emulator (the runner's own, like kubectl).</summary>
    public KubernetesClient Client => _client ?? throw new InvalidOperationException("not started");

    /// <summary>Path of the kubeconfig written for kubectl and the components.</summary>
    public string KubeconfigPath => Path.Combine(_state, "kubeconfig");

    /// <summary>True when the admission webhook was asked for but its binary is not built (the shoot then skips the garden step).</summary>
    public bool AdmissionSkipped { get; private set; }

    /// <summary>The components that run, with how each is wired (for the start-up summary).</summary>
    public IReadOnlyList<(string Name, string Wiring)> Components => [.. _components.Select(c => (c.Name, c.Wiring))];

    /// <summary>The first component that ended on its own (crashed or exited) while it should run, or null.</summary>
    public string? FailedComponent => _components.FirstOrDefault(c => c.Run.IsCompleted)?.Name;

    /// <summary>Starts everything; on failure or cancellation stops what was started and rethrows.</summary>
    public static async Task<LocalSeed> StartAsync(LocalSeedOptions options, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var seed = new LocalSeed(options, output);
        try
        {
            await seed.StartCoreAsync(ct).ConfigureAwait(false);
            return seed;
        }
        catch
        {
            await seed.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_state);
        foreach (var stale in new[] { "kubeconfig", "metal-api.env", "mcm-driver.sock" })
        {
            File.Delete(Path.Combine(_state, stale)); // rewritten below; never point anyone at a dead server
        }

        var reference = RepoPaths.Reference;
        _emulator = await Bind("Kubernetes API emulator", _options.KubePort, "KUBE_PORT", () => KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { Port = _options.KubePort }, ct)).ConfigureAwait(false);
        WriteAtomically(KubeconfigPath, null, () => _emulator.WriteKubeconfig(KubeconfigPath + ".tmp"));
        Step($"Kubernetes API emulator  {_emulator.BaseAddress}  (kubeconfig {Show(KubeconfigPath)})");

        var inventory = Path.Combine(_options.ManifestDirectory, "inventory.yaml");
        _sim = await Bind("metal-api simulator", _options.MetalApiPort, "METAL_API_PORT", () => MetalApiSimulator.StartAsync(new MetalSimOptions
        {
            Port = _options.MetalApiPort,
            InventoryPath = inventory,
            ProvisioningStepDuration = _options.ProvisioningStep,
        }, ct)).ConfigureAwait(false);
        var metalUrl = _sim.BaseAddress.AbsoluteUri.TrimEnd('/');
        WriteAtomically(Path.Combine(_state, "metal-api.env"), $"METAL_API_URL={metalUrl}\nMETAL_API_HMAC={_sim.AdminHmacKey}\nMETAL_API_HMAC_AUTH_TYPE=Metal-Admin\n");
        Step($"metal-api simulator      {metalUrl}  ({Show(inventory)}, provisioning step {_options.ProvisioningStep.TotalMilliseconds:0} ms)");

        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(KubeconfigPath), NullLoggerFactory.Instance);
        var crds = Directory.GetFiles(Path.Combine(reference, "gardener-crds"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(reference, "mcm-crds"), "*.yaml"))
            .Append(Path.Combine(_options.ManifestDirectory, "crds", "garden-crds.yaml"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        foreach (var crd in crds)
        {
            await _emulator.ApplyFileAsync(crd, ct).ConfigureAwait(false);
        }

        foreach (var extension in new[] { "provider-metal", "os-metal", "mcm-provider-metal" })
        {
            await _emulator.ApplyYamlAsync($"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: extension-{extension}\n", ct).ConfigureAwait(false);
        }

        Step($"CRDs                     {crds.Length} applied (Gardener extensions, MCM from {Show(reference)}; garden Shoot/CloudProfile/SecretBinding)");

        if (_options.Admission)
        {
            if (AdmissionProcess.FindBinary() is null)
            {
                AdmissionSkipped = true;
                _out.WriteLine("  ! admission-metal          SKIPPED: admission/GardenerMetal.Admission is not built (dotnet build admission/GardenerMetal.Admission); the garden Shoot is not sent through the webhook");
            }
            else
            {
                await StartAdmissionAsync(ct).ConfigureAwait(false);
            }
        }

        StartComponents();
    }

    private void StartComponents()
    {
        var kubeconfig = KubeconfigPath;
        string[] ExtensionArgs(string name) =>
        [
            "--kubeconfig", kubeconfig, "--namespace", "extension-" + name, "--extension-name", name,
            "--health-bind-address", "127.0.0.1:0", "--backoff-base", "100ms", "--backoff-max", "2s", "--shutdown-grace-period", "2s",
        ];

        // provider-metal through the binary's own entry point, with shorter poll intervals for the local seed.
        Start("provider-metal (infrastructure, worker)", "ProviderMetalProgram.RunAsync(--controllers infrastructure,worker)", ct =>
            ProviderMetalProgram.RunAsync(
                [.. ExtensionArgs("provider-metal"), "--controllers", "infrastructure,worker", "--leader-election-id", "provider-metal"],
                new InfrastructureActuatorOptions { FirewallPollInterval = TimeSpan.FromMilliseconds(250), NetworkInUseRetryInterval = TimeSpan.FromMilliseconds(500) },
                new WorkerActuatorOptions { DeletionPollInterval = TimeSpan.FromMilliseconds(500) },
                cancellationToken: ct));

        Start("os-metal (operatingsystemconfig)", "OsMetalProgram.RunAsync(--osc-types metal,debian,ubuntu)", ct =>
            OsMetalProgram.RunAsync([.. ExtensionArgs("os-metal"), "--osc-types", "metal,debian,ubuntu"], ct));

        var socket = Path.Combine(_state, "mcm-driver.sock");
        Start("machine-controller-manager-provider-metal (driver + machine controller)", $"DriverHost.Build(--driver-listen unix://{Show(socket)} --machine-controller)", async ct =>
        {
            var app = DriverHost.Build(new DriverHostOptions
            {
                DriverListen = GrpcEndpointAddress.ForUnixSocket(socket),
                HealthListen = null,
                MachineController = true,
                Kubeconfig = kubeconfig,
                Controller = new GardenerMetal.Mcm.Controller.MachineControllerOptions { ShortRetry = TimeSpan.FromSeconds(1), StatusCheckPeriod = TimeSpan.FromSeconds(10) },
                LeaderElection = new MachineControllerLeaderElection { Namespace = "extension-mcm-provider-metal" },
            });
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(ct).ConfigureAwait(false);
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }
        });

        Start("MCM stand-in (MachineDeployment/MachineSet)", "MachineDeploymentStandIn.RunAsync (hack/, not upstream MCM)", async ct =>
        {
            using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(kubeconfig), NullLoggerFactory.Instance);
            await new MachineDeploymentStandIn(client).RunAsync(ct).ConfigureAwait(false);
        });
    }

    private void Start(string name, string wiring, Func<CancellationToken, Task> run)
    {
        var stop = new CancellationTokenSource();
        var task = Task.Run(() => run(stop.Token), CancellationToken.None);
        _components.Add(new Component(name, wiring, task, stop));
        Step($"{name,-24} {wiring}");
    }

    private async Task StartAdmissionAsync(CancellationToken ct)
    {
        var certificates = LocalCertificates.Create(Path.Combine(_state, "admission"));
        var admission = await AdmissionProcess.StartAsync(certificates, KubeconfigPath, Path.Combine(_state, "logs", "admission.log"), ct).ConfigureAwait(false);
        var url = admission.Address.GetLeftPart(UriPartial.Authority);
        await Emulator.ApplyYamlAsync(WebhookConfigurations.Yaml(admission.Address, certificates.CaPem), ct).ConfigureAwait(false);
        var stop = new CancellationTokenSource();
        _components.Add(new Component("admission-metal", $"{admission.Binary} (child process, pid {admission.ProcessId})", admission.Exited, stop, admission.DisposeAsync));
        Step($"{"admission-metal",-24} {url}  (child process pid {admission.ProcessId}; Validating/MutatingWebhookConfiguration registered)");
    }

    /// <summary>
    /// Applies the example shoot like Gardener would: garden CloudProfile and Shoot through the admission webhook (the
    /// admitted Shoot is embedded in the Cluster), then Cluster, credentials, Infrastructure and OSCs; the Worker follows
    /// once the Infrastructure has succeeded (with its provider status), as gardenlet orders it.
    /// </summary>
    public async Task ApplyShootAsync(CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["METAL_API_URL"] = Simulator.BaseAddress.AbsoluteUri.TrimEnd('/'),
            ["METAL_API_HMAC"] = Simulator.AdminHmacKey,
        };
        var dir = _options.ManifestDirectory;
        foreach (var doc in Load("00-namespaces.yaml"))
        {
            await ApplyAsync(doc, ct).ConfigureAwait(false);
        }

        var cluster = Load("10-cluster.yaml").Single();
        if (_options.Admission && !AdmissionSkipped)
        {
            var cloudProfile = cluster["spec"]!["cloudProfile"]!.DeepClone().AsObject();
            await ApplyAsync(cloudProfile, ct).ConfigureAwait(false);
            var shoot = cluster["spec"]!["shoot"]!.DeepClone().AsObject();
            var status = shoot["status"]?.DeepClone();
            shoot.Remove("status");
            shoot["metadata"]!.AsObject().Remove("uid");
            JsonObject admitted;
            try
            {
                admitted = await ApplyAsync(shoot, ct).ConfigureAwait(false);
            }
            catch (KubernetesApiException ex)
            {
                throw new LocalUpException("the admission webhook rejected the example Shoot: " + ex.Message, ex);
            }

            var uid = admitted["metadata"]!["uid"]!.GetValue<string>();
            var embedded = admitted.DeepClone().AsObject();
            var meta = embedded["metadata"]!.AsObject();
            foreach (var drop in new[] { "resourceVersion", "managedFields", "generation", "creationTimestamp" })
            {
                meta.Remove(drop);
            }

            embedded["status"] = status ?? new JsonObject();
            embedded["status"]!["uid"] = uid;
            cluster["spec"]!["shoot"] = embedded;
        }

        await ApplyAsync(cluster, ct).ConfigureAwait(false);
        foreach (var file in new[] { "20-credentials.yaml", "30-infrastructure.yaml", "40-operatingsystemconfigs.yaml" })
        {
            foreach (var doc in Load(file))
            {
                await ApplyAsync(doc, ct).ConfigureAwait(false);
            }
        }

        IReadOnlyList<JsonObject> Load(string file) => Manifests.Documents(Manifests.Load(Path.Combine(dir, file), values));
    }

    /// <summary>When the Infrastructure has succeeded, applies the Worker (once) with the Infrastructure's provider status; true once applied.</summary>
    public async Task<bool> TryApplyWorkerAsync(CancellationToken ct)
    {
        if (_workerApplied)
        {
            return true;
        }

        var infrastructures = Client.Resource(ExtensionResourceDescriptors.Infrastructures);
        var infra = await infrastructures.TryGetAsync(ShootNamespace, "demo", ct).ConfigureAwait(false);
        if (infra?["status"]?["lastOperation"]?["state"]?.GetValue<string>() != "Succeeded" || infra["status"]?["providerStatus"] is not { } providerStatus)
        {
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in Manifests.Documents(Manifests.Load(Path.Combine(_options.ManifestDirectory, "50-worker.yaml"), values)))
        {
            doc["spec"]!["infrastructureProviderStatus"] = providerStatus.DeepClone();
            await ApplyAsync(doc, ct).ConfigureAwait(false);
        }

        _workerApplied = true;
        return true;
    }

    /// <summary>Creates <paramref name="obj"/>, or replaces it when it exists (like <c>kubectl apply</c>); writes its status too.</summary>
    public async Task<JsonObject> ApplyAsync(JsonObject obj, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var resource = ExtensionResourceDescriptors.For(obj);
        var client = Client.Resource(resource);
        var ns = resource.Namespaced ? obj["metadata"]?["namespace"]?.GetValue<string>() : null;
        var name = obj["metadata"]?["name"]?.GetValue<string>() ?? throw new LocalUpException($"a {resource.Kind} manifest has no metadata.name");
        var status = obj["status"]?.DeepClone();
        try
        {
            JsonObject result;
            try
            {
                result = await client.CreateAsync(obj, ct).ConfigureAwait(false);
            }
            catch (KubernetesAlreadyExistsException)
            {
                var existing = await client.GetAsync(ns, name, ct).ConfigureAwait(false);
                obj["metadata"]!["resourceVersion"] = existing["metadata"]!["resourceVersion"]!.GetValue<string>();
                result = await client.ReplaceAsync(obj, ct).ConfigureAwait(false);
            }

            if (status is JsonObject && ExtensionResourceDescriptors.HasStatus(resource))
            {
                result = await client.PatchStatusAsync(ns, name, KubernetesPatch.Merge(new JsonObject { ["status"] = status }), ct).ConfigureAwait(false);
            }

            return result;
        }
        catch (KubernetesApiException ex) when (ex is not KubernetesConnectionException)
        {
            throw new LocalUpException($"applying {resource.Kind} {name}: {ex.Message}", ex);
        }
    }

    /// <summary>Stops every component (reverse start order), then the simulator and the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _components.Count - 1; i >= 0; i--)
        {
            await _components[i].StopAsync(StopGrace).ConfigureAwait(false);
        }

        _components.Clear();
        _client?.Dispose();
        if (_sim is not null)
        {
            await _sim.DisposeAsync().ConfigureAwait(false);
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }

        File.Delete(Path.Combine(_state, "mcm-driver.sock"));
    }

    private void Step(string text) => _out.WriteLine("  ✓ " + text);

    private static string Show(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static async Task<T> Bind<T>(string what, int port, string variable, Func<Task<T>> start)
    {
        try
        {
            return await start().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsAddressInUse(ex))
        {
            throw new LocalUpException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: port {port} on 127.0.0.1 is already in use — is another `make up` (or `make seed` / `make metal-sim`) still running? Stop it, or pick another port: make up {variable}=<port>"), ex);
        }
    }

    private static bool IsAddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || ex.GetType().Name == "AddressInUseException")
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteAtomically(string path, string? text, Action? write = null)
    {
        // Kubeconfig and metal-api.env carry credentials: owner-only (0600) before they get their public name.
        var temporary = path + ".tmp";
        File.Delete(temporary);
        if (write is null)
        {
            using var file = LocalUpFiles.CreateSecretFile(temporary);
            using var writer = new StreamWriter(file);
            writer.Write(text);
        }
        else
        {
            write();
        }

        LocalUpFiles.RestrictToOwner(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}
