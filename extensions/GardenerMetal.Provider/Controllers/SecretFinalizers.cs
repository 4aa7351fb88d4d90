using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;

namespace GardenerMetal.Provider.Controllers;

/// <summary>
/// Holds the <c>cloudprovider</c> Secret (an extension's <c>spec.secretRef</c>) while the Infrastructure or Worker
/// that needs it for deletion exists, as Gardener's extension reconcilers do: each kind puts its own finalizer
/// (<c>extensions.gardener.cloud/&lt;kind&gt;</c>) on the Secret when it reconciles and removes it when its delete
/// (or force delete or migrate) is done. Without it, deleting the shoot namespace removes the credentials first
/// and the deletes can no longer reach the metal-api (issue 20).
/// </summary>
public static class SecretFinalizers
{
    /// <summary>The Infrastructure's finalizer on its credentials Secret.</summary>
    public static string Infrastructure { get; } = GardenerConstants.FinalizerFor("Infrastructure");

    /// <summary>The Worker's finalizer on its credentials Secret.</summary>
    public static string Worker { get; } = GardenerConstants.FinalizerFor("Worker");

    private const int Attempts = 5;

    /// <summary>Adds <paramref name="finalizer"/> to the Secret unless it is there or the Secret is gone or being deleted.</summary>
    public static Task EnsureAsync(KubernetesClient client, string secretNamespace, string name, string finalizer, CancellationToken cancellationToken) =>
        UpdateAsync(client, secretNamespace, name, finalizer, add: true, cancellationToken);

    /// <summary>Removes <paramref name="finalizer"/> from the Secret; a missing Secret is fine.</summary>
    public static Task RemoveAsync(KubernetesClient client, string secretNamespace, string name, string finalizer, CancellationToken cancellationToken) =>
        UpdateAsync(client, secretNamespace, name, finalizer, add: false, cancellationToken);

    private static async Task UpdateAsync(KubernetesClient client, string secretNamespace, string name, string finalizer, bool add, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(name);
        for (var attempt = 1; ; attempt++)
        {
            var secret = await client.Secrets.TryGetAsync(secretNamespace, name, ct).ConfigureAwait(false);
            if (secret is null)
            {
                return;
            }

            var finalizers = secret.Metadata.Finalizers ?? [];
            var has = finalizers.Contains(finalizer, StringComparer.Ordinal);
            if (has == add || (add && secret.Metadata.DeletionTimestamp is not null))
            {
                return;
            }

            var next = add ? [.. finalizers, finalizer] : finalizers.Where(f => f != finalizer).ToList();
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["finalizers"] = next.Count == 0 ? null : new JsonArray([.. next.Select(f => (JsonNode?)JsonValue.Create(f))]),
                    ["resourceVersion"] = secret.Metadata.ResourceVersion,
                },
            };
            try
            {
                await client.Secrets.PatchAsync(secretNamespace, name, KubernetesPatch.Merge(patch), ct).ConfigureAwait(false);
                return;
            }
            catch (KubernetesApiException ex) when (ex.StatusCode == 409 && attempt < Attempts)
            {
                // Changed meanwhile: read again.
            }
            catch (KubernetesApiException ex) when (ex.StatusCode == 404)
            {
                return;
            }
        }
    }
}
