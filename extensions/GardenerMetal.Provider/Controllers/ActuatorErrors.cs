using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Controllers;

/// <summary>The provider actuators' (ControlPlane, Infrastructure, Worker) failures with Gardener error codes (messages name fields, never secret values).</summary>
internal static class ActuatorErrors
{
    /// <summary>The user's configuration is wrong: not retryable without a change (ERR_CONFIGURATION_PROBLEM).</summary>
    public static ExtensionOperationException Configuration(string message) =>
        new(message, [GardenerErrorCodes.ConfigurationProblem], retryable: false);

    /// <summary>All field errors in one ERR_CONFIGURATION_PROBLEM.</summary>
    public static ExtensionOperationException Invalid(IEnumerable<FieldError> errors) =>
        Configuration("invalid configuration: " + string.Join("; ", errors.Select(e => e.ToString())));

    /// <summary>Something another component provides is not there yet (ERR_RETRYABLE_INFRA_DEPENDENCIES).</summary>
    public static ExtensionOperationException Dependency(string message) =>
        new(message, [GardenerErrorCodes.RetryableInfraDependencies], retryable: true);
}
