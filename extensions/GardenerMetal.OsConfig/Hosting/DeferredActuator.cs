using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;

namespace GardenerMetal.OsConfig.Hosting;

/// <summary>An actuator created on first use (when its dependencies only exist after the host is built).</summary>
/// <typeparam name="T">The extension kind.</typeparam>
internal sealed class DeferredActuator<T>(Func<IExtensionActuator<T>> create) : IExtensionActuator<T>
    where T : IExtensionResource
{
    private readonly Lazy<IExtensionActuator<T>> _actuator = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<ActuatorResult> ReconcileAsync(T resource, Cluster cluster, CancellationToken cancellationToken) =>
        _actuator.Value.ReconcileAsync(resource, cluster, cancellationToken);

    public Task<ActuatorResult> DeleteAsync(T resource, Cluster cluster, CancellationToken cancellationToken) =>
        _actuator.Value.DeleteAsync(resource, cluster, cancellationToken);

    public Task<ActuatorResult> ForceDeleteAsync(T resource, Cluster cluster, CancellationToken cancellationToken) =>
        _actuator.Value.ForceDeleteAsync(resource, cluster, cancellationToken);

    public Task<ActuatorResult> MigrateAsync(T resource, Cluster cluster, CancellationToken cancellationToken) =>
        _actuator.Value.MigrateAsync(resource, cluster, cancellationToken);

    public Task<ActuatorResult> RestoreAsync(T resource, Cluster cluster, CancellationToken cancellationToken) =>
        _actuator.Value.RestoreAsync(resource, cluster, cancellationToken);
}
