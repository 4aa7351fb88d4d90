using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.MetalApi;
using GardenerMetal.Provider.Controllers.Infrastructure;
using GardenerMetal.Provider.Controllers.Worker;
using Microsoft.Extensions.Logging;

// gardener-extension-provider-metal: `--controllers=infrastructure,worker` (default: every registered controller),
// so that each controller can run as its own Deployment with its own leader-election Lease.
// Every other flag is the extension host's (see GardenerMetal.Extensions ControllerHostOptions).
const string InfrastructureController = "infrastructure";
const string WorkerController = "worker";
const string ExtensionType = "metal";
string[] controllers = [InfrastructureController, WorkerController];

ControllerHostOptions options;
try
{
    options = ControllerHostOptions.Parse(args, controllers);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var configuration = options.Kubeconfig is { } path
    ? KubernetesClientConfiguration.FromKubeconfigFile(path)
    : KubernetesClientConfiguration.InCluster();
using var loggerFactory = LoggerFactory.Create(b => b.AddJsonConsole(o =>
{
    o.IncludeScopes = true;
    o.UseUtcTimestamp = true;
}));
using var seed = new KubernetesClient(configuration, loggerFactory);
using var metalClients = new CachingMetalApiClientFactory();
var infrastructure = new InfrastructureActuator(
    new KubernetesSecretDataReader(seed),
    metalClients,
    new InfrastructureActuatorOptions(),
    loggerFactory.CreateLogger<InfrastructureActuator>());

var worker = new WorkerActuator(seed, new WorkerActuatorOptions(), loggerFactory.CreateLogger<WorkerActuator>());

await using var app = ExtensionProgram.Build(options, configuration, host =>
{
    host.AddController<Infrastructure>(InfrastructureController, infrastructure, ExtensionType);
    host.AddController<Worker>(WorkerController, worker, ExtensionType);
});
await app.RunAsync();
return 0;
