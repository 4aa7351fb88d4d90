using System.CommandLine;
using GardenerMetal.Mcm.Hosting;
using GardenerMetal.Mcm.Transport;

var driverListen = new Option<string>("--driver-listen")
{
    Description = "gRPC driver listener: unix:///path/to/socket or 127.0.0.1:<port> (HTTP/2 cleartext)",
    Required = true,
};
var driverListenAllowRemote = new Option<bool>("--driver-listen-allow-remote")
{
    Description = "allow a --driver-listen address other hosts can reach (the driver has no authentication; default: unix socket or loopback only)",
    DefaultValueFactory = _ => false,
};
var healthListen = new Option<string>("--health-listen")
{
    Description = "health listener for /healthz, /readyz and /metrics, HTTP/1.1 (host:port or unix:///path); \"off\" disables it",
    DefaultValueFactory = _ => "127.0.0.1:8081",
};
var machineController = new Option<bool>("--machine-controller")
{
    Description = "run the machine controller (Machines/MachineClasses); false starts the driver service alone",
    DefaultValueFactory = _ => false,
};
var kubeconfig = new Option<string?>("--kubeconfig")
{
    Description = "kubeconfig of the seed for the machine controller (default: $KUBECONFIG, ~/.kube/config, else in-cluster)",
};
var ns = new Option<string?>("--namespace")
{
    Description = "namespace of the Machines and MachineClasses the machine controller watches (default: all)",
};
var leaderElection = new Option<bool>("--leader-election")
{
    Description = "with --machine-controller: run the controller only while holding a coordination.k8s.io/v1 Lease (the driver serves on every replica) [default: true]",
    DefaultValueFactory = _ => true,
};
var leaderElectionId = new Option<string>("--leader-election-id")
{
    Description = "name of the machine controller's Lease",
    DefaultValueFactory = _ => MachineControllerLeaderElection.DefaultLeaseName,
};
var leaderElectionNamespace = new Option<string?>("--leader-election-namespace")
{
    Description = "namespace of the Lease (default: --namespace, else the kubeconfig context's or in-cluster namespace)",
};
var maxMessage = new Option<int>("--max-receive-message-size")
{
    Description = "largest accepted request message in bytes",
    DefaultValueFactory = _ => 4 * 1024 * 1024,
};

var root = new RootCommand("machine-controller-manager-provider-metal: MCM driver for metal-stack machines over gRPC")
{
    driverListen, driverListenAllowRemote, healthListen, machineController, kubeconfig, ns, leaderElection, leaderElectionId, leaderElectionNamespace, maxMessage,
};
root.SetAction(async (parse, cancellationToken) =>
{
    DriverHostOptions options;
    try
    {
        var health = parse.GetValue(healthListen)!;
        options = new DriverHostOptions
        {
            DriverListen = GrpcEndpointAddress.Parse(parse.GetValue(driverListen)!, "--driver-listen"),
            AllowRemoteDriverListen = parse.GetValue(driverListenAllowRemote),
            HealthListen = health == "off" ? null : GrpcEndpointAddress.Parse(health, "--health-listen"),
            MachineController = parse.GetValue(machineController),
            Kubeconfig = parse.GetValue(kubeconfig),
            Controller = new GardenerMetal.Mcm.Controller.MachineControllerOptions { Namespace = parse.GetValue(ns) },
            LeaderElection = new MachineControllerLeaderElection
            {
                Enabled = parse.GetValue(leaderElection),
                LeaseName = parse.GetValue(leaderElectionId)!,
                Namespace = parse.GetValue(leaderElectionNamespace),
            },
            Grpc = new DriverServerOptions { MaxReceiveMessageSize = parse.GetValue(maxMessage) },
        };
        if (options.Grpc.MaxReceiveMessageSize <= 0)
        {
            throw new FormatException("--max-receive-message-size: must be positive");
        }

        await using var app = DriverHost.Build(options);
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"driver listening on {options.DriverListen}; health on {options.HealthListen?.ToString() ?? "off"}");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
    catch (Exception ex) when (ex is FormatException or ArgumentException or GardenerMetal.Kubernetes.Configuration.KubernetesConfigurationException)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 2;
    }
});
return await root.Parse(args).InvokeAsync();
