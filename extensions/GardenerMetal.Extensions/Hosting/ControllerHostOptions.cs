using System.Globalization;

namespace GardenerMetal.Extensions.Hosting;

/// <summary>
/// Command-line settings shared by every extension binary. Parse with <see cref="Parse"/>; unknown or malformed
/// flags are rejected with a message naming the flag.
/// </summary>
public sealed record ControllerHostOptions
{
    /// <summary>Controllers to run (<c>--controllers=infrastructure,worker</c>); empty means all registered.</summary>
    public IReadOnlyList<string> Controllers { get; init; } = [];

    /// <summary><c>--max-concurrent-reconciles</c> per controller (default 5, like upstream's concurrentSyncs).</summary>
    public int MaxConcurrentReconciles { get; init; } = 5;

    /// <summary><c>--ignore-operation-annotation</c>: reconcile on generation changes instead.</summary>
    public bool IgnoreOperationAnnotation { get; init; }

    /// <summary><c>--kubeconfig</c>; null means in-cluster configuration.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary><c>--namespace</c> of the extension (leases, heartbeat); defaults to the pod's namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary><c>--leader-election</c> (default true): each controller takes its own Lease.</summary>
    public bool LeaderElection { get; init; } = true;

    /// <summary><c>--leader-election-id</c>: prefix of the per-controller Lease names.</summary>
    public string LeaderElectionId { get; init; } = "gardener-extension";

    /// <summary><c>--lease-duration</c> of the leader leases.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>--renew-deadline</c>: a leader that could not renew within it steps down.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>--retry-period</c> between acquire/renew attempts.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>--extension-name</c>: holder identity of the heartbeat Lease (e.g. provider-metal).</summary>
    public string ExtensionName { get; init; } = "gardener-extension";

    /// <summary><c>--heartbeat-renew-interval</c> (Gardener default 30 s); zero disables the heartbeat.</summary>
    public TimeSpan HeartbeatRenewInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--health-bind-address</c> for /healthz, /readyz and /metrics (default 0.0.0.0:8081).</summary>
    public string HealthBindAddress { get; init; } = "0.0.0.0:8081";

    /// <summary><c>--shutdown-grace-period</c> for in-flight reconciles.</summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--backoff-base</c>: first retry delay of a failing object (doubles per failure).</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>--backoff-max</c>: upper bound of the per-object retry delay.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The replica identity (pod name + random suffix).</summary>
    public string Identity { get; init; } = (Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName) + "_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Parses <c>--flag=value</c> / <c>--flag value</c> / boolean <c>--flag</c> arguments.</summary>
    public static ControllerHostOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> knownControllers)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(knownControllers);
        var options = new ControllerHostOptions { Namespace = Environment.GetEnvironmentVariable("POD_NAMESPACE") };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}': flags start with --.", nameof(args));
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var flag = eq < 0 ? arg[2..] : arg[2..eq];
            string? inline = eq < 0 ? null : arg[(eq + 1)..];
            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"--{flag} needs a value.", nameof(args));
                }

                return args[++i];
            }

            bool Bool() => inline is null ? true : bool.TryParse(inline, out var b) ? b : throw new ArgumentException($"--{flag}: '{inline}' is not true or false.", nameof(args));

            options = flag switch
            {
                "controllers" => options with { Controllers = ParseControllers(Value(), knownControllers) },
                "max-concurrent-reconciles" => options with { MaxConcurrentReconciles = PositiveInt(flag, Value()) },
                "ignore-operation-annotation" => options with { IgnoreOperationAnnotation = Bool() },
                "kubeconfig" => options with { Kubeconfig = Value() },
                "namespace" => options with { Namespace = Value() },
                "leader-election" => options with { LeaderElection = Bool() },
                "leader-election-id" => options with { LeaderElectionId = Value() },
                "lease-duration" => options with { LeaseDuration = Duration(flag, Value()) },
                "renew-deadline" => options with { RenewDeadline = Duration(flag, Value()) },
                "retry-period" => options with { RetryPeriod = Duration(flag, Value()) },
                "extension-name" => options with { ExtensionName = Value() },
                "heartbeat-renew-interval" => options with { HeartbeatRenewInterval = Duration(flag, Value(), allowZero: true) },
                "health-bind-address" => options with { HealthBindAddress = Value() },
                "shutdown-grace-period" => options with { ShutdownGracePeriod = Duration(flag, Value(), allowZero: true) },
                "backoff-base" => options with { BackoffBase = Duration(flag, Value()) },
                "backoff-max" => options with { BackoffMax = Duration(flag, Value()) },
                "identity" => options with { Identity = Value() },
                _ => throw new ArgumentException($"Unknown flag --{flag}.", nameof(args)),
            };
        }

        if (options.RenewDeadline >= options.LeaseDuration)
        {
            throw new ArgumentException("--renew-deadline must be shorter than --lease-duration.", nameof(args));
        }

        return options;
    }

    private static string[] ParseControllers(string value, IReadOnlyCollection<string> known)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException("--controllers needs at least one controller name.", nameof(value));
        }

        var unknown = names.Where(n => !known.Contains(n, StringComparer.Ordinal)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"--controllers: unknown controller(s) {string.Join(", ", unknown)}; known: {string.Join(", ", known)}.", nameof(value));
        }

        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static int PositiveInt(string flag, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"--{flag}: '{value}' is not a positive integer.", nameof(value));

    /// <summary>Go-style durations: 500ms, 30s, 5m, 1h (one unit), or a TimeSpan like 00:00:30.</summary>
    internal static TimeSpan Duration(string flag, string value, bool allowZero = false)
    {
        TimeSpan result;
        var units = new (string Suffix, double Seconds)[] { ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600) };
        var unit = units.FirstOrDefault(u => value.EndsWith(u.Suffix, StringComparison.Ordinal)
            && double.TryParse(value[..^u.Suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _));
        if (unit.Suffix is not null)
        {
            result = TimeSpan.FromSeconds(double.Parse(value[..^unit.Suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * unit.Seconds);
        }
        else if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out result))
        {
            throw new ArgumentException($"--{flag}: '{value}' is not a duration (e.g. 30s, 5m).", nameof(value));
        }

        if (result < TimeSpan.Zero || (!allowZero && result == TimeSpan.Zero))
        {
            throw new ArgumentException($"--{flag}: '{value}' must be {(allowZero ? "zero or " : "")}positive.", nameof(value));
        }

        return result;
    }
}
