namespace GardenerMetal.LocalUp;

/// <summary>Settings of a <see cref="LocalSeed"/>.</summary>
public sealed record LocalSeedOptions
{
    /// <summary>Folder for kubeconfig, env files, certificates, sockets and logs; rewritten on every start. Default <c>.local</c>.</summary>
    public string StateDirectory { get; init; } = ".local";

    /// <summary>Port of the Kubernetes API emulator on 127.0.0.1; 0 picks a free one (tests). Default 6443.</summary>
    public int KubePort { get; init; } = 6443;

    /// <summary>Port of the metal-api simulator on 127.0.0.1; 0 picks a free one (tests). Default 18080.</summary>
    public int MetalApiPort { get; init; } = 18080;

    /// <summary>Folder of the example shoot manifests and the simulator inventory. Default <c>hack/local-up</c>.</summary>
    public string ManifestDirectory { get; init; } = RepoPaths.LocalUpManifests;

    /// <summary>One simulated provisioning step (Installing → Booting → Phoned Home takes three). Default 200 ms.</summary>
    public TimeSpan ProvisioningStep { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Start the admission webhook (a child process of its real binary) and send the garden objects through it. Default true.</summary>
    public bool Admission { get; init; } = true;

    /// <summary>How long <c>make up</c> waits for every machine to be Running before it gives up. Default 5 min.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
