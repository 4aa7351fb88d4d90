using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Controllers;

namespace GardenerMetal.McmStandIn;

/// <summary>
/// Machines one reconcile created or deleted and the cache has not caught up with yet (client-go's
/// "controller expectations"): until they are observed, the MachineSet is not scaled again, so a stale cache never
/// creates or deletes a Machine twice. Expires at <see cref="Deadline"/> in case an event was lost.
/// </summary>
internal sealed class Expectation(DateTimeOffset deadline)
{
    private readonly HashSet<string> _adds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deletes = new(StringComparer.Ordinal);

    public DateTimeOffset Deadline { get; } = deadline;

    public bool IsEmpty => _adds.Count == 0 && _deletes.Count == 0;

    public void Add(string key) => _adds.Add(key);

    public void Delete(string key) => _deletes.Add(key);

    /// <summary>Drops what the cache now shows; true when nothing is pending or the deadline passed.</summary>
    public bool Satisfied(Informer<JsonObject> machines, DateTimeOffset now)
    {
        _adds.RemoveWhere(k => machines.GetByKey(k) is not null);
        _deletes.RemoveWhere(k => machines.GetByKey(k) is not { } m || Json.Deleting(m));
        return IsEmpty || now >= Deadline;
    }
}
