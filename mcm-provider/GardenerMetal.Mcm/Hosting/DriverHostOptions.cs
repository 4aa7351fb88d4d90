using GardenerMetal.Mcm.Transport;

namespace GardenerMetal.Mcm.Hosting;

/// <summary>What the MCM provider host serves.</summary>
public sealed record DriverHostOptions
{
    /// <summary>The gRPC driver listener (<c>--driver-listen</c>): unix socket or TCP, HTTP/2 cleartext.</summary>
    public required GrpcEndpointAddress DriverListen { get; init; }

    /// <summary>Whether a --driver-listen address other hosts can reach is allowed (<c>--driver-listen-allow-remote</c>); default false.</summary>
    public bool AllowRemoteDriverListen { get; init; }

    /// <summary>The health listener (<c>--health-listen</c>, HTTP/1.1, <c>/healthz</c> and <c>/readyz</c>); null disables it.</summary>
    public GrpcEndpointAddress? HealthListen { get; init; }

    /// <summary>Whether the machine controller runs (<c>--machine-controller</c>).</summary>
    public bool MachineController { get; init; }

    /// <summary>The kubeconfig of the seed (<c>--kubeconfig</c>); null: $KUBECONFIG, ~/.kube/config, else in-cluster.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Leader election of the machine controller (<c>--leader-election</c>, <c>--leader-election-id</c>, <c>--leader-election-namespace</c>).</summary>
    public MachineControllerLeaderElection LeaderElection { get; init; } = new();

    /// <summary>Settings of the machine controller (namespace, retry periods).</summary>
    public Controller.MachineControllerOptions Controller { get; init; } = new();

    /// <summary>Limits of the gRPC server.</summary>
    public DriverServerOptions Grpc { get; init; } = new();
}
