namespace GardenerMetal.OsConfig.Model;

/// <summary>spec.files[].content.inline.</summary>
public sealed record FileContentInline
{
    /// <summary><c>""</c> (plain) or <c>b64</c> (standard base64).</summary>
    public string? Encoding { get; init; }

    /// <summary>The data, encoded as <see cref="Encoding"/> says.</summary>
    public string? Data { get; init; }
}
