using System.Globalization;
using System.Text;

namespace GardenerMetal.Provider.Validation;

/// <summary>
/// An immutable Kubernetes-style field path such as <c>spec.provider.workers[0].name</c> or <c>metalControlPlanes[prod]</c>.
/// Segments are linked and the text is rendered only when asked for (valid objects never pay for it);
/// two paths are equal when they render the same.
/// </summary>
public sealed record FieldPath
{
    private readonly FieldPath? _parent;
    private readonly string? _segment;
    private readonly int _index;
    private readonly char _kind; // 'r' root, 'c' child, 'i' index, 'k' key
    private string? _value;

    private FieldPath(FieldPath? parent, char kind, string? segment, int index)
    {
        _parent = parent;
        _kind = kind;
        _segment = segment;
        _index = index;
    }

    /// <summary>The rendered path.</summary>
    public string Value => _value ??= Render();

    /// <summary>A path starting at <paramref name="name"/> and optional further children.</summary>
    public static FieldPath Root(string name, params string[] children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var path = new FieldPath(null, 'r', name, 0);
        foreach (var child in children)
        {
            path = path.Child(child);
        }

        return path;
    }

    public FieldPath Child(string name) => new(this, 'c', name, 0);

    /// <summary>Appends several child names.</summary>
    public FieldPath Child(string name, params string[] more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var path = Child(name);
        foreach (var next in more)
        {
            path = path.Child(next);
        }

        return path;
    }

    public FieldPath Index(int index) => new(this, 'i', null, index);

    public FieldPath Key(string key) => new(this, 'k', key, 0);

    public bool Equals(FieldPath? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    private string Render()
    {
        var text = new StringBuilder(_parent?.Value ?? string.Empty);
        switch (_kind)
        {
            case 'r':
                text.Append(_segment);
                break;
            case 'c':
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(_segment);
                break;
            case 'i':
                text.Append('[').Append(_index.ToString(CultureInfo.InvariantCulture)).Append(']');
                break;
            default:
                text.Append('[').Append(_segment).Append(']');
                break;
        }

        return text.ToString();
    }
}
