using System.Globalization;

namespace GardenerMetal.Provider.Validation;

/// <summary>An immutable Kubernetes-style field path such as <c>spec.provider.workers[0].name</c> or <c>metalControlPlanes[prod]</c>.</summary>
public sealed record FieldPath
{
    private FieldPath(string value) => Value = value;

    /// <summary>The rendered path.</summary>
    public string Value { get; }

    /// <summary>A path starting at <paramref name="name"/> and optional further children.</summary>
    public static FieldPath Root(string name, params string[] children)
    {
        var path = new FieldPath(name);
        foreach (var child in children)
        {
            path = path.Child(child);
        }

        return path;
    }

    public FieldPath Child(string name) => new(Value.Length == 0 ? name : Value + "." + name);

    /// <summary>Appends several child names.</summary>
    public FieldPath Child(string name, params string[] more)
    {
        var path = Child(name);
        foreach (var next in more)
        {
            path = path.Child(next);
        }

        return path;
    }

    public FieldPath Index(int index) => new(Value + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    public FieldPath Key(string key) => new(Value + "[" + key + "]");

    public override string ToString() => Value;
}
