using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Kubernetes.Errors;
using ControlPlaneResource = GardenerMetal.Extensions.Apis.ControlPlane;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

public sealed partial class ControlPlaneActuator
{
    /// <summary>
    /// Control plane migration, source seed: each ManagedResource is set to <c>keepObjects: true</c> and deleted, so
    /// nothing in the shoot is removed; the serving certificate and access Secret go. The CA Secret (labelled
    /// <c>persist=true</c>) stays: gardenlet carries it to the destination seed, where restore reuses it.
    /// </summary>
    public async Task<ActuatorResult> MigrateAsync(ControlPlaneResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var ns = resource.Metadata.Namespace ?? string.Empty;
        foreach (var name in new[] { ManagedResourceNames.StorageClasses, ManagedResourceNames.Shoot, ManagedResourceNames.Seed })
        {
            await KeepObjectsAsync(ns, name, cancellationToken).ConfigureAwait(false);
            await DeleteManagedResourceAsync(ns, name, cancellationToken).ConfigureAwait(false);
            ControlPlaneActuatorLog.ManagedResourceReleased(_logger, name);
        }

        await DeleteIfPresentAsync(_client.Secrets, ns, ManagedResourceNames.ShootAccessCcm, cancellationToken).ConfigureAwait(false);
        await DeleteIfPresentAsync(_client.Secrets, ns, ControlPlaneSecrets.CcmServerName, cancellationToken).ConfigureAwait(false);
        return ActuatorResult.Done;
    }

    private async Task KeepObjectsAsync(string ns, string name, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ManagedResources.TryGetAsync(ns, name, ct).ConfigureAwait(false);
            if (existing is null || existing["spec"]?["keepObjects"] is JsonValue keep && keep.TryGetValue<bool>(out var k) && k)
            {
                return;
            }

            existing["spec"] ??= new JsonObject();
            existing["spec"]!["keepObjects"] = true;
            try
            {
                await ManagedResources.ReplaceAsync(existing, ct).ConfigureAwait(false);
                return;
            }
            catch (KubernetesConflictException) when (attempt < ApplyAttempts)
            {
            }
        }
    }
}
