using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// Turns a <see cref="RenderedManagedResource"/> into what gardener-resource-manager reads: the data of the
/// ManagedResource's Secret, one key per object named <c>&lt;kind&gt;__&lt;namespace&gt;__&lt;name&gt;.yaml</c> as Gardener's
/// registry does (the content is JSON, which is YAML), and the ManagedResource object itself.
/// </summary>
public static class ManagedResourceEncoder
{
    public const string ManagedResourceApiVersion = "resources.gardener.cloud/v1alpha1";

    /// <summary>The Secret data: object key → JSON manifest.</summary>
    public static SortedDictionary<string, byte[]> Encode(RenderedManagedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var data = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var obj in resource.Objects)
        {
            var (kind, ns, name, json) = obj switch
            {
                JsonObject node => (node["kind"]!.GetValue<string>(), node["metadata"]?["namespace"]?.GetValue<string>(), node["metadata"]!["name"]!.GetValue<string>(), node.ToJsonString()),
                IKubernetesObject<V1ObjectMeta> typed => (typed.Kind, typed.Metadata.NamespaceProperty, typed.Metadata.Name, KubernetesJson.Serialize(typed)),
                _ => throw new ArgumentException($"unsupported object type {obj.GetType().Name} in {resource.Name}", nameof(resource)),
            };
            var key = KeyOf(kind, ns, name);
            if (!data.TryAdd(key, Encoding.UTF8.GetBytes(json)))
            {
                throw new ArgumentException($"{resource.Name} holds {key} twice", nameof(resource));
            }
        }

        return data;
    }

    /// <summary>Gardener's key for an object in a ManagedResource Secret.</summary>
    public static string KeyOf(string kind, string? ns, string name) =>
        kind.ToLowerInvariant() + "__" + (ns ?? string.Empty) + "__" + name.Replace(':', '_') + ".yaml";

    /// <summary>The ManagedResource object (JSON: it is a CRD kind).</summary>
    public static JsonObject ManagedResource(RenderedManagedResource resource, string ns, SortedDictionary<string, byte[]> data)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(data);
        var spec = new JsonObject
        {
            ["secretRefs"] = new JsonArray(new JsonObject { ["name"] = ManagedResourceNames.SecretOf(resource.Name) }),
            ["keepObjects"] = false,
        };
        if (resource.Class is { } resourceClass)
        {
            spec["class"] = resourceClass;
        }
        else
        {
            spec["injectLabels"] = new JsonObject { ["shoot.gardener.cloud/no-cleanup"] = "true" };
        }

        return new JsonObject
        {
            ["apiVersion"] = ManagedResourceApiVersion,
            ["kind"] = "ManagedResource",
            ["metadata"] = new JsonObject
            {
                ["name"] = resource.Name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { ["origin"] = "provider-metal" },
                ["annotations"] = new JsonObject { ["resources.gardener.cloud/data-checksum"] = Checksum(data) },
            },
            ["spec"] = spec,
        };
    }

    /// <summary>SHA-256 over the Secret's keys and values: changes whenever the content does.</summary>
    public static string Checksum(SortedDictionary<string, byte[]> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in data)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(key));
            hash.AppendData([0]);
            hash.AppendData(value);
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
