using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using ControlPlaneResource = GardenerMetal.Extensions.Apis.ControlPlane;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

public sealed partial class ControlPlaneActuator
{
    private const int ApplyAttempts = 5;

    /// <inheritdoc />
    public async Task<ActuatorResult> ReconcileAsync(ControlPlaneResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(cluster);
        var context = await PrepareAsync(resource, cluster, cancellationToken).ConfigureAwait(false);
        var ns = context.Namespace;

        // 1. Secrets: CA + serving certificate, and the shoot-access token Secret metal-ccm's kubeconfig uses.
        var (serverSecret, checksum) = await _secrets.EnsureCcmServerAsync(ns, cancellationToken).ConfigureAwait(false);
        await EnsureShootAccessSecretAsync(ns, cancellationToken).ConfigureAwait(false);

        // 2. Hibernation: render scaled down only once kube-apiserver is gone (upstream requeues after 2 s).
        if (context.Hibernated && await ApiServerRunningAsync(ns, cancellationToken).ConfigureAwait(false))
        {
            ControlPlaneActuatorLog.WaitingForApiServerScaleDown(_logger);
            return ActuatorResult.RequeueAfterDelay(_options.PollInterval, "waiting for kube-apiserver to be scaled down", 30);
        }

        // 3. Seed, shoot and storage ManagedResources, in that order.
        var values = context.Values with { ServerCertSecretName = serverSecret, ServerCertChecksum = checksum };
        foreach (var rendered in ControlPlaneRenderer.Render(values))
        {
            await DeployManagedResourceAsync(ns, rendered, cancellationToken).ConfigureAwait(false);
        }

        return ActuatorResult.Done;
    }

    /// <summary>Writes the Secret of manifests, then the ManagedResource pointing at it (no write when unchanged).</summary>
    private async Task DeployManagedResourceAsync(string ns, RenderedManagedResource rendered, CancellationToken ct)
    {
        var data = ManagedResourceEncoder.Encode(rendered);
        await ApplySecretAsync(new Secret
        {
            Metadata = new ObjectMeta
            {
                Name = ManagedResourceNames.SecretOf(rendered.Name),
                Namespace = ns,
                Labels = new Dictionary<string, string> { ["resources.gardener.cloud/garbage-collectable-reference"] = "true" },
            },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]>(data, StringComparer.Ordinal),
        }, replaceData: true, ct).ConfigureAwait(false);
        await ApplyAsync(ManagedResources, ManagedResourceEncoder.ManagedResource(rendered, ns, data), ct).ConfigureAwait(false);
        ControlPlaneActuatorLog.ManagedResourceDeployed(_logger, rendered.Name, rendered.Objects.Count);
    }

    /// <summary>
    /// <c>shoot-access-cloud-controller-manager</c>: gardener-resource-manager's token requestor fills in <c>token</c>
    /// for the ServiceAccount <c>kube-system/cloud-controller-manager</c> in the shoot; the token is never overwritten here.
    /// </summary>
    private Task EnsureShootAccessSecretAsync(string ns, CancellationToken ct) => ApplySecretAsync(new Secret
    {
        Metadata = new ObjectMeta
        {
            Name = ManagedResourceNames.ShootAccessCcm,
            Namespace = ns,
            Labels = new Dictionary<string, string>
            {
                ["resources.gardener.cloud/purpose"] = "token-requestor",
                ["resources.gardener.cloud/class"] = "shoot",
            },
            Annotations = new Dictionary<string, string>
            {
                ["serviceaccount.resources.gardener.cloud/name"] = ManagedResourceNames.CloudControllerManager,
                ["serviceaccount.resources.gardener.cloud/namespace"] = ControlPlaneRenderer.KubeSystem,
            },
        },
        Type = "Opaque",
        Data = new Dictionary<string, byte[]>(),
    }, replaceData: false, ct);

    /// <summary>Whether the seed's <c>kube-apiserver</c> Deployment still has replicas (desired or running).</summary>
    private async Task<bool> ApiServerRunningAsync(string ns, CancellationToken ct)
    {
        var deployment = await _client.Resource(ControlPlaneResources.Deployments).TryGetAsync(ns, "kube-apiserver", ct).ConfigureAwait(false);
        if (deployment is null)
        {
            return false;
        }

        var desired = deployment["spec"]?["replicas"] is JsonValue d && d.TryGetValue<int>(out var r) ? r : 1;
        var running = deployment["status"]?["replicas"] is JsonValue s && s.TryGetValue<int>(out var c) ? c : 0;
        return desired > 0 || running > 0;
    }

    /// <summary>Creates <paramref name="desired"/>, or replaces its spec and merges its labels and annotations; retries on conflicts.</summary>
    private static async Task ApplyAsync(ResourceClient<JsonObject> client, JsonObject desired, CancellationToken ct)
    {
        var ns = desired["metadata"]!["namespace"]!.GetValue<string>();
        var name = desired["metadata"]!["name"]!.GetValue<string>();
        for (var attempt = 1; ; attempt++)
        {
            var existing = await client.TryGetAsync(ns, name, ct).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    await client.CreateAsync(desired, ct).ConfigureAwait(false);
                    return;
                }

                var updated = (JsonObject)existing.DeepClone();
                updated["spec"] = desired["spec"]!.DeepClone();
                var metadata = (JsonObject)updated["metadata"]!;
                foreach (var key in new[] { "labels", "annotations" })
                {
                    if (desired["metadata"]?[key] is JsonObject wanted)
                    {
                        var merged = metadata[key] as JsonObject ?? [];
                        foreach (var (k, v) in wanted)
                        {
                            merged[k] = v?.DeepClone();
                        }

                        metadata[key] = merged;
                    }
                }

                if (!JsonNode.DeepEquals(existing, updated))
                {
                    await client.ReplaceAsync(updated, ct).ConfigureAwait(false);
                }

                return;
            }
            catch (Exception ex) when ((ex is KubernetesConflictException or KubernetesAlreadyExistsException) && attempt < ApplyAttempts)
            {
                // A concurrent writer (or a concurrent create): read again.
            }
        }
    }

    /// <summary>Creates or updates a Secret's labels, annotations and (when <paramref name="replaceData"/>) data; no write when unchanged.</summary>
    private async Task ApplySecretAsync(Secret desired, bool replaceData, CancellationToken ct)
    {
        var ns = desired.Metadata.Namespace!;
        var name = desired.Metadata.Name!;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await _client.Secrets.TryGetAsync(ns, name, ct).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    await _client.Secrets.CreateAsync(desired, ct).ConfigureAwait(false);
                    return;
                }

                var labels = existing.Metadata.Labels ?? new Dictionary<string, string>();
                var annotations = existing.Metadata.Annotations ?? new Dictionary<string, string>();
                var changed = Merge(labels, desired.Metadata.Labels) | Merge(annotations, desired.Metadata.Annotations);
                var current = existing.Data ?? new Dictionary<string, byte[]>();
                if (replaceData && (current.Count != desired.Data!.Count
                    || desired.Data.Any(p => !current.TryGetValue(p.Key, out var v) || !v.AsSpan().SequenceEqual(p.Value))))
                {
                    existing.Data = desired.Data;
                    existing.StringData = null;
                    changed = true;
                }

                if (!changed)
                {
                    return;
                }

                existing.Metadata.Labels = labels;
                existing.Metadata.Annotations = annotations;
                await _client.Secrets.ReplaceAsync(existing, ct).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when ((ex is KubernetesConflictException or KubernetesAlreadyExistsException) && attempt < ApplyAttempts)
            {
            }
        }
    }

    private static bool Merge(IDictionary<string, string> target, IDictionary<string, string>? wanted)
    {
        var changed = false;
        foreach (var (key, value) in wanted ?? new Dictionary<string, string>())
        {
            if (!target.TryGetValue(key, out var current) || current != value)
            {
                target[key] = value;
                changed = true;
            }
        }

        return changed;
    }
}
