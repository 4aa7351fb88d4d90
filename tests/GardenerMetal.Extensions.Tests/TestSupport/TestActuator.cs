using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;

namespace GardenerMetal.Extensions.Tests.TestSupport;

/// <summary>A scriptable actuator that records its calls.</summary>
internal sealed class TestActuator : IInfrastructureActuator
{
    private readonly Lock _lock = new();

    public List<string> Calls { get; } = [];

    /// <summary>Per operation: what to do next (throw, return a result); default is Done.</summary>
    public Func<string, Infrastructure, Task<ActuatorResult>>? Behaviour { get; set; }

    public int Count(string operation)
    {
        lock (_lock)
        {
            return Calls.Count(c => c == operation);
        }
    }

    public Task<ActuatorResult> ReconcileAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("Reconcile", resource);

    public Task<ActuatorResult> DeleteAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("Delete", resource);

    public Task<ActuatorResult> ForceDeleteAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("ForceDelete", resource);

    public Task<ActuatorResult> MigrateAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("Migrate", resource);

    public Task<ActuatorResult> RestoreAsync(Infrastructure resource, Cluster cluster, CancellationToken cancellationToken) => Run("Restore", resource);

    private Task<ActuatorResult> Run(string operation, Infrastructure resource)
    {
        lock (_lock)
        {
            Calls.Add(operation);
        }

        return Behaviour?.Invoke(operation, resource) ?? Task.FromResult(ActuatorResult.Done);
    }
}
