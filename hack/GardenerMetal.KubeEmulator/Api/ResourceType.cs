using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>One served resource of one group/version (built-in or from a CRD).</summary>
internal sealed record ResourceType
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required string Kind { get; init; }

    public required bool Namespaced { get; init; }

    public bool HasStatus { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>The scale subresource (apps/v1 workloads, CRDs that declare it); null when not served.</summary>
    public ScaleSubresource? Scale { get; init; }

    /// <summary>The KubernetesClient model a built-in decodes into (strict decoding, strategic merge keys); null for custom resources.</summary>
    public Type? Model { get; init; }

    /// <summary>True when the version is the storage version (its apiVersion is what the store holds).</summary>
    public bool Storage { get; init; } = true;

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>openAPIV3Schema of a CRD version; null for built-ins.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>Field paths (".spec.x") a CRD declares as selectableFields.</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    /// <summary>Built-ins that accept a PUT without metadata.resourceVersion (custom resources do not).</summary>
    public bool AllowUnconditionalUpdate => !IsCustom;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>"configmaps" or "infrastructures.extensions.gardener.cloud", as in error messages.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Key of the store shared by every version of the resource.</summary>
    public string StoreKey => $"{Plural}.{Group}";
}
