namespace GardenerMetal.Extensions.Apis;

/// <summary>
/// Gardener's well-known error codes (gardener/gardener pkg/apis/core/v1beta1 types_common.go),
/// written into <c>status.lastError.codes</c>.
/// </summary>
public static class GardenerErrorCodes
{
    /// <summary>The request lacked valid credentials. Non-retryable.</summary>
    public const string InfraUnauthenticated = "ERR_INFRA_UNAUTHENTICATED";
    /// <summary>The request was understood but refused. Non-retryable.</summary>
    public const string InfraUnauthorized = "ERR_INFRA_UNAUTHORIZED";
    /// <summary>Infrastructure quota limits. Non-retryable.</summary>
    public const string InfraQuotaExceeded = "ERR_INFRA_QUOTA_EXCEEDED";
    /// <summary>Infrastructure request rate limits exceeded.</summary>
    public const string InfraRateLimitsExceeded = "ERR_INFRA_RATE_LIMITS_EXCEEDED";
    /// <summary>Dependent objects on the infrastructure level. Non-retryable.</summary>
    public const string InfraDependencies = "ERR_INFRA_DEPENDENCIES";
    /// <summary>Dependent objects on the infrastructure level; the operation should be retried.</summary>
    public const string RetryableInfraDependencies = "ERR_RETRYABLE_INFRA_DEPENDENCIES";
    /// <summary>A resource in the infrastructure is depleted (e.g. no free machine in a partition).</summary>
    public const string InfraResourcesDepleted = "ERR_INFRA_RESOURCES_DEPLETED";
    /// <summary>Resources in the cluster are stuck in deletion.</summary>
    public const string CleanupClusterResources = "ERR_CLEANUP_CLUSTER_RESOURCES";
    /// <summary>A configuration problem. Non-retryable.</summary>
    public const string ConfigurationProblem = "ERR_CONFIGURATION_PROBLEM";
    /// <summary>A configuration problem that is likely to resolve itself after some time.</summary>
    public const string RetryableConfigurationProblem = "ERR_RETRYABLE_CONFIGURATION_PROBLEM";
    /// <summary>A webhook does not follow the Kubernetes best practices. Non-retryable.</summary>
    public const string ProblematicWebhook = "ERR_PROBLEMATIC_WEBHOOK";

    /// <summary>Every known code.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        InfraUnauthenticated, InfraUnauthorized, InfraQuotaExceeded, InfraRateLimitsExceeded,
        InfraDependencies, RetryableInfraDependencies, InfraResourcesDepleted, CleanupClusterResources,
        ConfigurationProblem, RetryableConfigurationProblem, ProblematicWebhook,
    ];

    /// <summary>Codes Gardener classifies as non-retryable (a user has to act).</summary>
    public static IReadOnlyList<string> NonRetryable { get; } =
    [
        InfraUnauthenticated, InfraUnauthorized, InfraQuotaExceeded, InfraDependencies,
        ConfigurationProblem, ProblematicWebhook,
    ];

    /// <summary>Whether the code is one of Gardener's known codes.</summary>
    public static bool IsKnown(string code) => All.Contains(code, StringComparer.Ordinal);

    /// <summary>Whether Gardener classifies the code as non-retryable.</summary>
    public static bool IsNonRetryable(string code) => NonRetryable.Contains(code, StringComparer.Ordinal);
}
