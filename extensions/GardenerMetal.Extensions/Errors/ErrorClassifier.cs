using System.Net;
using System.Text.Json;
using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Errors;

/// <summary>
/// Maps failures (metal-api and Kubernetes HTTP statuses, timeouts, validation errors) to Gardener error codes and
/// retryability. Clients expose their status through <see cref="IHasStatusCode"/> or <see cref="HttpRequestException.StatusCode"/>.
/// </summary>
public static class ErrorClassifier
{
    /// <summary>Classifies an exception thrown by an actuator (or by the framework's own API calls).</summary>
    public static ErrorClassification Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var description = exception.Message;

        if (exception is ExtensionOperationException explicitCodes)
        {
            var codes = explicitCodes.Codes.Count > 0 ? explicitCodes.Codes : FromMessage(description);
            return new ErrorClassification(description, codes, explicitCodes.Retryable && !AllNonRetryable(codes), explicitCodes.RetryAfter);
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case GardenerMetal.Kubernetes.Errors.KubernetesApiException { StatusCode: > 0 } kube:
                    return FromStatus(description, kube.StatusCode, kube.RetryAfter);
                case GardenerMetal.Kubernetes.Errors.KubernetesApiException:
                    return Retryable(description, GardenerErrorCodes.RetryableInfraDependencies);
                case IHasStatusCode withStatus:
                    return FromStatus(description, withStatus.StatusCode, withStatus.RetryAfter);
                case HttpRequestException { StatusCode: { } status }:
                    return FromStatus(description, (int)status, null);
                case HttpRequestException:
                    return Retryable(description, GardenerErrorCodes.RetryableInfraDependencies);
                case TimeoutException or TaskCanceledException:
                    return Retryable(description, GardenerErrorCodes.RetryableInfraDependencies);
                case JsonException or ArgumentException or FormatException:
                    return new ErrorClassification(description, [GardenerErrorCodes.ConfigurationProblem], Retryable: false);
            }
        }

        var fromMessage = FromMessage(description);
        return new ErrorClassification(description, fromMessage, Retryable: !AllNonRetryable(fromMessage));
    }

    /// <summary>Classifies an HTTP status code.</summary>
    public static ErrorClassification FromStatus(string description, int statusCode, TimeSpan? retryAfter) => statusCode switch
    {
        (int)HttpStatusCode.Unauthorized => NonRetryable(description, GardenerErrorCodes.InfraUnauthenticated),
        (int)HttpStatusCode.Forbidden => NonRetryable(description, GardenerErrorCodes.InfraUnauthorized),
        (int)HttpStatusCode.NotFound => Retryable(description, GardenerErrorCodes.RetryableInfraDependencies),
        (int)HttpStatusCode.Conflict => Retryable(description, GardenerErrorCodes.RetryableInfraDependencies),
        (int)HttpStatusCode.TooManyRequests => Retryable(description, GardenerErrorCodes.InfraRateLimitsExceeded) with { RetryAfter = retryAfter },
        (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.UnprocessableEntity =>
            NonRetryable(description, GardenerErrorCodes.ConfigurationProblem),
        (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.GatewayTimeout =>
            Retryable(description, GardenerErrorCodes.RetryableInfraDependencies),
        >= 500 and <= 599 => Retryable(description, GardenerErrorCodes.RetryableInfraDependencies) with { RetryAfter = retryAfter },
        _ => new ErrorClassification(description, FromMessage(description), Retryable: true),
    };

    /// <summary>Message heuristics for failures without a status (like Gardener's DetermineError).</summary>
    internal static IReadOnlyList<string> FromMessage(string message)
    {
        var codes = new List<string>();
        void Add(string code, params string[] needles)
        {
            if (needles.Any(n => message.Contains(n, StringComparison.OrdinalIgnoreCase)) && !codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        Add(GardenerErrorCodes.InfraUnauthenticated, "unauthenticated", "invalid credentials", "authentication failed");
        Add(GardenerErrorCodes.InfraUnauthorized, "unauthorized", "forbidden", "permission denied");
        Add(GardenerErrorCodes.InfraQuotaExceeded, "quota exceeded", "quota limit");
        Add(GardenerErrorCodes.InfraRateLimitsExceeded, "rate limit", "too many requests", "throttl");
        Add(GardenerErrorCodes.InfraResourcesDepleted, "no machine available", "no free machine", "exhausted", "depleted", "insufficient capacity");
        return codes;
    }

    private static bool AllNonRetryable(IReadOnlyList<string> codes) =>
        codes.Count > 0 && codes.All(GardenerErrorCodes.IsNonRetryable);

    private static ErrorClassification Retryable(string description, string code) => new(description, [code], Retryable: true);

    private static ErrorClassification NonRetryable(string description, string code) => new(description, [code], Retryable: false);
}
