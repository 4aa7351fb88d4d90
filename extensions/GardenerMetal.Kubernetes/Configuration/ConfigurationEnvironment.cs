namespace GardenerMetal.Kubernetes.Configuration;

/// <summary>
/// Where configuration is looked up: environment variables, the home directory (for
/// <c>~/.kube/config</c>) and the service-account directory. Replace parts of it in tests.
/// </summary>
public sealed record ConfigurationEnvironment
{
    /// <summary>The service-account directory mounted into every pod.</summary>
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>The process environment.</summary>
    public static ConfigurationEnvironment Process { get; } = new();

    /// <summary>Reads an environment variable (default: the process environment).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The user's home directory (default: <see cref="Environment.SpecialFolder.UserProfile"/>).</summary>
    public string HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Directory holding <c>token</c>, <c>ca.crt</c> and <c>namespace</c>.</summary>
    public string ServiceAccountDirectory { get; init; } = DefaultServiceAccountDirectory;
}
