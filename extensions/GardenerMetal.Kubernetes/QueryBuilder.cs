using System.Text;

namespace GardenerMetal.Kubernetes;

/// <summary>Builds an escaped query string, skipping null/empty values.</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _sb = new();

    public void Add(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (_sb.Length > 0)
        {
            _sb.Append('&');
        }

        _sb.Append(key).Append('=').Append(Uri.EscapeDataString(value));
    }

    public override string ToString() => _sb.ToString();
}
