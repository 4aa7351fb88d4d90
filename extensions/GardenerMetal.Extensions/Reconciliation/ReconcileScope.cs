using System.Collections;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>
/// The logging scope of one reconcile: <c>controller</c>, <c>namespace</c>, <c>name</c> and <c>reconcileID</c>, the keys
/// controller-runtime puts on every log line of a reconcile. The JSON console logger writes them as scope properties.
/// </summary>
internal sealed class ReconcileScope(string controller, string @namespace, string name, string reconcileId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("controller", controller),
        1 => new("namespace", @namespace),
        2 => new("name", name),
        3 => new("reconcileID", reconcileId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{controller} {@namespace}/{name} {reconcileId}";
}
