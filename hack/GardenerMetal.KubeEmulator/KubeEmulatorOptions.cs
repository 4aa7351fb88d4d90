namespace GardenerMetal.KubeEmulator;

/// <summary>Settings of one <see cref="KubeEmulatorServer"/>.</summary>
public sealed record KubeEmulatorOptions
{
    /// <summary>Address to bind; loopback only ("127.0.0.1" or "localhost").</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port to bind; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Bearer token clients must send; a random one is generated when null.</summary>
    public string? Token { get; init; }

    /// <summary>How many events per resource a watch can resume from; older resourceVersions get 410 Gone.</summary>
    public int WatchWindow { get; init; } = 1000;

    /// <summary>How often a watch with allowWatchBookmarks=true receives a BOOKMARK event.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Capacity of each watcher's event queue; a watcher that falls this far behind is closed.</summary>
    public int WatcherQueueCapacity { get; init; } = 10_000;

    /// <summary>Kubernetes version reported by /version.</summary>
    public string KubernetesVersion { get; init; } = "v1.32.0";

    /// <summary>
    /// Base addresses for webhook clientConfig.service references, keyed "namespace/name"
    /// (the emulator has no cluster network to resolve services).
    /// </summary>
    public IReadOnlyDictionary<string, Uri> WebhookServices { get; init; } = new Dictionary<string, Uri>();

    /// <summary>Minimum log level of the server's own logging (ASP.NET Core and the emulator).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;
}
