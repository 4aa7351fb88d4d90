using System.Text;

namespace GardenerMetal.Kubernetes;

/// <summary>
/// Identifies a REST resource: API group (empty for core), version, plural resource name, kind and
/// scope. Example: <c>new ResourceDescriptor("extensions.gardener.cloud", "v1alpha1", "infrastructures", "Infrastructure", Namespaced: true)</c>.
/// </summary>
/// <param name="Group">API group; empty string for the core group.</param>
/// <param name="Version">API version, e.g. <c>v1</c>.</param>
/// <param name="Plural">Plural resource name used in URLs, e.g. <c>secrets</c>.</param>
/// <param name="Kind">Kind, e.g. <c>Secret</c>.</param>
/// <param name="Namespaced">True for namespaced resources, false for cluster-scoped ones.</param>
public sealed record ResourceDescriptor(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>core/v1 secrets.</summary>
    public static ResourceDescriptor Secrets { get; } = new("", "v1", "secrets", "Secret", true);

    /// <summary>core/v1 configmaps.</summary>
    public static ResourceDescriptor ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap", true);

    /// <summary>core/v1 namespaces (cluster-scoped).</summary>
    public static ResourceDescriptor Namespaces { get; } = new("", "v1", "namespaces", "Namespace", false);

    /// <summary>core/v1 events.</summary>
    public static ResourceDescriptor Events { get; } = new("", "v1", "events", "Event", true);

    /// <summary>coordination.k8s.io/v1 leases.</summary>
    public static ResourceDescriptor Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", true);

    /// <summary>The apiVersion string: <c>v1</c> for core, otherwise <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Builds the URL path of the collection or of one object (optionally a subresource).</summary>
    /// <param name="namespace">Namespace; required for namespaced resources unless listing across all namespaces (null).</param>
    /// <param name="name">Object name, or null for the collection.</param>
    /// <param name="subresource">Subresource such as <c>status</c>, or null.</param>
    /// <returns>The escaped path, e.g. <c>/api/v1/namespaces/default/secrets/a</c>.</returns>
    public string PathFor(string? @namespace, string? name = null, string? subresource = null)
    {
        if (string.IsNullOrEmpty(Version) || string.IsNullOrEmpty(Plural))
        {
            throw new InvalidOperationException($"ResourceDescriptor for kind '{Kind}' needs a Version and a Plural.");
        }

        var sb = new StringBuilder(96);
        sb.Append(Group.Length == 0 ? "/api/" : $"/apis/{Group}/").Append(Version);
        if (Namespaced && !string.IsNullOrEmpty(@namespace))
        {
            sb.Append("/namespaces/").Append(Uri.EscapeDataString(@namespace));
        }
        else if (!Namespaced && !string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"{Plural}.{Group} is cluster-scoped; namespace must be null.", nameof(@namespace));
        }
        else if (Namespaced && name is not null)
        {
            throw new ArgumentException($"{Plural}.{Group} is namespaced; a namespace is required to address '{name}'.", nameof(@namespace));
        }

        sb.Append('/').Append(Plural);
        if (name is not null)
        {
            if (name.Length == 0)
            {
                throw new ArgumentException("Object name must not be empty.", nameof(name));
            }

            sb.Append('/').Append(Uri.EscapeDataString(name));
            if (!string.IsNullOrEmpty(subresource))
            {
                sb.Append('/').Append(subresource);
            }
        }

        return sb.ToString();
    }
}
