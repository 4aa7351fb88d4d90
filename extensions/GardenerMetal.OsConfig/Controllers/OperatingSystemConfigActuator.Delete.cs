using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Kubernetes.Errors;

namespace GardenerMetal.OsConfig.Controllers;

public sealed partial class OperatingSystemConfigActuator
{
    /// <summary>Removes the result Secret (if this OSC owns it). Nothing else exists outside the seed.</summary>
    public async Task<ActuatorResult> DeleteAsync(OperatingSystemConfig resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = ResultSecrets.NameFor(resource);
        if (await _resultSecrets.DeleteAsync(resource, cancellationToken).ConfigureAwait(false))
        {
            OsMetalLog.ResultSecretDeleted(_logger, resource.Metadata.Namespace, name);
        }

        return ActuatorResult.Done;
    }

    /// <summary>Best effort: tries to remove the result Secret, never blocks the deletion (the garbage collector removes it with the OSC).</summary>
    public async Task<ActuatorResult> ForceDeleteAsync(OperatingSystemConfig resource, Cluster cluster, CancellationToken cancellationToken)
    {
        try
        {
            return await DeleteAsync(resource, cluster, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
        {
            OsMetalLog.ForceDeleteIgnoredError(_logger, ex, resource.Metadata.Namespace, resource.Metadata.Name);
            return ActuatorResult.Done;
        }
    }
}
