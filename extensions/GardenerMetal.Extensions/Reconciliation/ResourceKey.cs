namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>Namespace and name of an object: the work-queue key.</summary>
/// <param name="Namespace">The namespace (empty for cluster-scoped objects).</param>
/// <param name="Name">The name.</param>
public readonly record struct ResourceKey(string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? Name : Namespace + "/" + Name;
}
