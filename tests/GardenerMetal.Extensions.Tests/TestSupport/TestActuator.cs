using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;

namespace GardenerMetal.Extensions.Tests.TestSupport;

/// <summary>A scriptable actuator that records its calls.</summary>
internal sealed class TestActuator : IInfrastructureActuator
{
    private readonly Lock _lock = new();

    public List<string> Calls { get; } = [];

    /// <summary>Per operation: what to do next (throw, return a result); default is Done.</summary>
    public Func<string, Infrastructure, CancellationToken, Task<ActuatorResult>>? Behaviour { get; set; }

    public int Count(string operation)
    {
        lock (_lock)
        {
            return Calls.Count(c => c == operation);
        }
    }

    public Task<ActuatorResult> ReconcileAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("Reconcile", resource, cancellationToken);

    public Task<ActuatorResult> DeleteAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("Delete", resource, cancellationToken);

    public Task<ActuatorResult> ForceDeleteAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("ForceDelete", resource, cancellationToken);

    public Task<ActuatorResult> MigrateAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("Migrate", resource, cancellationToken);

    public Task<ActuatorResult> RestoreAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("Restore", resource, cancellationToken);

    private Task<ActuatorResult> Run(string operation, Infrastructure resource, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls.Add(operation);
        }

        return Behaviour?.Invoke(operation, resource, cancellationToken) ?? Task.FromResult(ActuatorResult.Done);
    }
}
