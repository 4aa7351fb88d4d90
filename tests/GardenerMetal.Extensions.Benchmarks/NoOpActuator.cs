using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;

namespace GardenerMetal.Extensions.Benchmarks;

/// <summary>An actuator that does nothing, so the figures measure the framework alone.</summary>
internal sealed class NoOpActuator : IInfrastructureActuator
{
    public Task<ActuatorResult> ReconcileAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Task.FromResult(ActuatorResult.Done);

    public Task<ActuatorResult> DeleteAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Task.FromResult(ActuatorResult.Done);

    public Task<ActuatorResult> ForceDeleteAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Task.FromResult(ActuatorResult.Done);

    public Task<ActuatorResult> MigrateAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Task.FromResult(ActuatorResult.Done);

    public Task<ActuatorResult> RestoreAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Task.FromResult(ActuatorResult.Done);
}
