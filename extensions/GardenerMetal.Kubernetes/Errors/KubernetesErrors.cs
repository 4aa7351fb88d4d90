using System.Net;
using System.Text;
using System.Text.Json;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Kubernetes.Serialization;

namespace GardenerMetal.Kubernetes.Errors;

/// <summary>Maps HTTP failures and Status bodies to the typed exceptions.</summary>
internal static class KubernetesErrors
{
    private const int MaxMessageLength = 2048;

    public static Status? TryParseStatus(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var status = JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.Status);
            return status is { Kind: "Status" } or { Reason: not null } or { Code: not null } ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Builds the exception for a non-success response.</summary>
    /// <param name="statusCode">HTTP status code.</param>
    /// <param name="body">Response body (may be a Status or anything else).</param>
    /// <param name="operation">Description of the request, e.g. <c>GET /api/v1/namespaces/a/secrets/b</c>; must not contain credentials.</param>
    /// <param name="retryAfterHeader">Retry-After header value, if any.</param>
    public static KubernetesApiException FromResponse(int statusCode, string? body, string operation, TimeSpan? retryAfterHeader)
    {
        var status = TryParseStatus(body);
        return FromStatus(statusCode, status, operation, retryAfterHeader, body);
    }

    /// <summary>Builds the exception for a Status (HTTP error or watch ERROR event).</summary>
    public static KubernetesApiException FromStatus(int statusCode, Status? status, string operation, TimeSpan? retryAfterHeader = null, string? rawBody = null)
    {
        var code = statusCode != 0 ? statusCode : status?.Code ?? 0;
        var reason = status?.Reason;
        var message = BuildMessage(code, status, operation, rawBody);
        var retryAfter = retryAfterHeader ?? (status?.Details?.RetryAfterSeconds is int s ? TimeSpan.FromSeconds(s) : null);

        KubernetesApiException ex = (code, reason) switch
        {
            (404, _) => new KubernetesNotFoundException(code, status, message),
            (409, "AlreadyExists") => new KubernetesAlreadyExistsException(code, status, message),
            (409, _) => new KubernetesConflictException(code, status, message),
            (422, _) => new KubernetesInvalidException(code, status, message),
            (401, _) => new KubernetesUnauthorizedException(code, status, message),
            (403, _) => new KubernetesForbiddenException(code, status, message),
            (410, _) or (_, "Expired") or (_, "Gone") => new KubernetesGoneException(code, status, message),
            (429, _) => new KubernetesTooManyRequestsException(code, status, message),
            (504, _) or (_, "Timeout") or (_, "ServerTimeout") => new KubernetesTimeoutException(code, status, message),
            ( >= 500, _) => new KubernetesServerException(code, status, message),
            _ => new KubernetesApiException(code, status, message),
        };
        return retryAfter is null ? ex : WithRetryAfter(ex, retryAfter.Value);
    }

    public static KubernetesTimeoutException ClientTimeout(string operation, TimeSpan timeout, Exception inner)
        => new(0, null, $"{operation}: no response within {timeout.TotalSeconds:0.###}s (client timeout).", inner);

    public static KubernetesConnectionException Connection(string operation, HttpRequestException inner)
        => new(0, null, $"{operation}: connection failed: {inner.HttpRequestError}.", inner);

    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private static KubernetesApiException WithRetryAfter(KubernetesApiException ex, TimeSpan retryAfter) => ex switch
    {
        KubernetesTooManyRequestsException e => new KubernetesTooManyRequestsException(e.StatusCode, e.Status, e.Message) { RetryAfter = retryAfter },
        KubernetesServerException e => new KubernetesServerException(e.StatusCode, e.Status, e.Message) { RetryAfter = retryAfter },
        KubernetesTimeoutException e => new KubernetesTimeoutException(e.StatusCode, e.Status, e.Message) { RetryAfter = retryAfter },
        _ => ex,
    };

    private static string BuildMessage(int code, Status? status, string operation, string? rawBody)
    {
        var sb = new StringBuilder();
        sb.Append(operation).Append(": ").Append(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code > 0 && Enum.IsDefined(typeof(HttpStatusCode), code))
        {
            sb.Append(' ').Append((HttpStatusCode)code);
        }

        if (status is not null)
        {
            if (!string.IsNullOrEmpty(status.Reason))
            {
                sb.Append(" (").Append(status.Reason).Append(')');
            }

            if (!string.IsNullOrEmpty(status.Message))
            {
                sb.Append(": ").Append(status.Message);
            }

            foreach (var cause in status.Details?.Causes ?? [])
            {
                sb.Append("; ").Append(cause.Field ?? "<object>").Append(": ").Append(cause.Message ?? cause.Reason);
            }
        }
        else if (!string.IsNullOrWhiteSpace(rawBody))
        {
            sb.Append(": ").Append(rawBody.Trim());
        }

        return sb.Length > MaxMessageLength ? sb.ToString(0, MaxMessageLength) + "…" : sb.ToString();
    }
}
