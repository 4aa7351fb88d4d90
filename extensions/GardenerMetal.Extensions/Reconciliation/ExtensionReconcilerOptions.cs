namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>Settings of one extension controller.</summary>
public sealed record ExtensionReconcilerOptions
{
    /// <summary>The <c>spec.type</c>s this controller handles (e.g. <c>metal</c>; os-metal: <c>metal, debian, ubuntu</c>); other types are ignored.</summary>
    public required IReadOnlyList<string> ExtensionTypes { get; init; }

    /// <summary>The extension class handled; null handles objects without <c>spec.class</c> or with <c>shoot</c>.</summary>
    public string? ExtensionClass { get; init; }

    /// <summary>Reconcile on generation changes instead of the <c>gardener.cloud/operation</c> annotation.</summary>
    public bool IgnoreOperationAnnotation { get; init; }

    /// <summary>How often a metadata patch is retried after a resourceVersion conflict.</summary>
    public int ConflictRetries { get; init; } = 5;

    /// <summary>Throws unless <paramref name="extensionTypes"/> names at least one <c>spec.type</c> and no empty one.</summary>
    internal static void ValidateExtensionTypes(IReadOnlyList<string>? extensionTypes, string paramName)
    {
        ArgumentNullException.ThrowIfNull(extensionTypes, paramName);
        if (extensionTypes.Count == 0 || extensionTypes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("ExtensionTypes must name at least one spec.type and no empty one.", paramName);
        }
    }
}
