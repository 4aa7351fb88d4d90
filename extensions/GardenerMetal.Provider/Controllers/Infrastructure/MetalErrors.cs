using System.Net;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.MetalApi;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// Maps metal-api failures to Gardener error codes: 401 → ERR_INFRA_UNAUTHENTICATED, 403 → ERR_INFRA_UNAUTHORIZED,
/// exhaustion → ERR_INFRA_RESOURCES_DEPLETED, 5xx/429/timeouts/transport → ERR_RETRYABLE_INFRA_DEPENDENCIES (retryable),
/// other 4xx on a request the actuator built from the user's config → ERR_CONFIGURATION_PROBLEM.
/// </summary>
internal static class MetalErrors
{
    public static ExtensionOperationException Map(MetalApiException ex, string what)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var message = $"{what}: {ex.Message}";
        if (ex.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new ExtensionOperationException(message, [GardenerErrorCodes.InfraUnauthenticated], retryable: false, ex);
        }

        if (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            return new ExtensionOperationException(message, [GardenerErrorCodes.InfraUnauthorized], retryable: false, ex);
        }

        if (ex.IsExhausted)
        {
            return new ExtensionOperationException(message, [GardenerErrorCodes.InfraResourcesDepleted], retryable: true, ex);
        }

        if (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new ExtensionOperationException(message, [GardenerErrorCodes.InfraRateLimitsExceeded], retryable: true, ex);
        }

        if (ex.IsTransient || ex.IsConflict || ex.Kind == MetalApiFailureKind.InvalidResponse)
        {
            return new ExtensionOperationException(message, [GardenerErrorCodes.RetryableInfraDependencies], retryable: true, ex);
        }

        if (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            return new ExtensionOperationException(message, [GardenerErrorCodes.ConfigurationProblem], retryable: false, ex);
        }

        return new ExtensionOperationException(message, [GardenerErrorCodes.RetryableInfraDependencies], retryable: true, ex);
    }
}
