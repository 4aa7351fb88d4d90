using System.Text.Json;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Errors;
using CoreCloudProfile = GardenerMetal.Provider.Apis.Core.CloudProfile;
using CoreJsonContext = GardenerMetal.Provider.Apis.Core.CoreJsonContext;

namespace GardenerMetal.Provider.Controllers;

/// <summary>The CloudProfile a Cluster embeds, as every provider actuator reads it.</summary>
internal static class ClusterCloudProfile
{
    /// <summary>Decodes <c>spec.cloudProfile</c>; missing or malformed is ERR_CONFIGURATION_PROBLEM naming the field.</summary>
    public static CoreCloudProfile Read(Cluster cluster)
    {
        if (cluster.Spec.CloudProfile is not { ValueKind: JsonValueKind.Object } raw)
        {
            throw ActuatorErrors.Configuration("cluster spec.cloudProfile: Required value: the Cluster must embed the CloudProfile");
        }

        try
        {
            return raw.Deserialize(CoreJsonContext.Default.CloudProfile) ?? new CoreCloudProfile();
        }
        catch (JsonException ex)
        {
            throw new ExtensionOperationException($"cluster spec.cloudProfile is malformed: {ex.Message}", [GardenerErrorCodes.ConfigurationProblem], retryable: false, ex);
        }
    }
}
