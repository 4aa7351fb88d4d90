using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.OsConfig.Controllers;

/// <summary>
/// The Secret <c>osc-result-&lt;osc&gt;</c> (key <c>cloud_config</c>) that holds a provision OSC's user data, as Gardener's
/// generic OSC reconciler writes it: in the OSC's namespace, controller-owned by the OSC (so that it goes with the OSC).
/// Writes only when something changed; never puts the data into messages.
/// </summary>
internal sealed class ResultSecrets(ResourceClient<Secret> secrets)
{
    /// <summary>The Secret data key MCM and Gardener read.</summary>
    public const string DataKey = "cloud_config";

    /// <summary>Name prefix of the result Secret.</summary>
    public const string NamePrefix = "osc-result-";

    private const int ConflictRetries = 3;

    /// <summary>
    /// The result Secret's name: the one in <c>status.cloudConfig.secretRef</c> when it points into the OSC's namespace
    /// (as upstream), else <c>osc-result-&lt;name&gt;</c>. Never a Secret in another namespace.
    /// </summary>
    public static string NameFor(OperatingSystemConfig osc)
    {
        var reference = osc.Status?.CloudConfig?.SecretRef;
        return reference is { Name.Length: > 0 } && (string.IsNullOrEmpty(reference.Namespace) || reference.Namespace == osc.Metadata.Namespace)
            ? reference.Name
            : NamePrefix + osc.Metadata.Name;
    }

    /// <summary>Creates or updates the result Secret; returns the reference for <c>status.cloudConfig.secretRef</c>.</summary>
    public async Task<(SecretReference Reference, bool Written)> ApplyAsync(OperatingSystemConfig osc, byte[] userData, CancellationToken cancellationToken)
    {
        var ns = osc.Metadata.Namespace!;
        var name = NameFor(osc);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var written = await ApplyOnceAsync(osc, ns, name, userData, cancellationToken).ConfigureAwait(false);
                return (new SecretReference { Name = name, Namespace = ns }, written);
            }
            catch (Exception ex) when (ex is KubernetesConflictException or KubernetesAlreadyExistsException && attempt < ConflictRetries)
            {
                // Someone else wrote it in between: read again and re-apply.
            }
        }
    }

    /// <summary>Deletes the result Secret if this OSC owns it (or nobody does); returns whether one was deleted.</summary>
    public async Task<bool> DeleteAsync(OperatingSystemConfig osc, CancellationToken cancellationToken)
    {
        var ns = osc.Metadata.Namespace!;
        var name = NameFor(osc);
        var existing = await secrets.TryGetAsync(ns, name, cancellationToken).ConfigureAwait(false);
        if (existing is null || ControlledByOther(existing, osc))
        {
            return false;
        }

        try
        {
            await secrets.DeleteAsync(ns, name, new DeleteOptions { Preconditions = new Preconditions { Uid = existing.Metadata.Uid } }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesNotFoundException)
        {
            return false;
        }
        catch (KubernetesConflictException)
        {
            // The uid precondition failed: the Secret was replaced by someone else in between; it is not ours.
            return false;
        }
    }

    private async Task<bool> ApplyOnceAsync(OperatingSystemConfig osc, string ns, string name, byte[] userData, CancellationToken cancellationToken)
    {
        var existing = await secrets.TryGetAsync(ns, name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            await secrets.CreateAsync(new Secret
            {
                Metadata = new ObjectMeta { Name = name, Namespace = ns, OwnerReferences = [OwnerOf(osc)] },
                Type = "Opaque",
                Data = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [DataKey] = userData },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (ControlledByOther(existing, osc))
        {
            throw new ExtensionOperationException(
                $"Secret {ns}/{name} is controlled by another object; refusing to overwrite it with the user data of OperatingSystemConfig {osc.Metadata.Name}.",
                [GardenerErrorCodes.ConfigurationProblem],
                retryable: false);
        }

        var owners = existing.Metadata.OwnerReferences ?? [];
        var owned = owners.Any(o => o.Uid == osc.Metadata.Uid && o.Controller == true);
        var data = existing.Data ??= new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (owned && data.TryGetValue(DataKey, out var current) && current.AsSpan().SequenceEqual(userData))
        {
            return false;
        }

        // Drop references to an earlier OSC of the same name (deleted and re-created before the garbage collector ran).
        existing.Metadata.OwnerReferences = [.. owners.Where(o => !IsOscReference(o, osc)), OwnerOf(osc)];
        data[DataKey] = userData;
        await secrets.ReplaceAsync(existing, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static bool ControlledByOther(Secret secret, OperatingSystemConfig osc) =>
        secret.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid != osc.Metadata.Uid && !IsOscReference(o, osc)) == true;

    private static bool IsOscReference(OwnerReference reference, OperatingSystemConfig osc) =>
        reference.Kind == OperatingSystemConfig.KindName
        && reference.ApiVersion == OperatingSystemConfig.GroupVersion
        && reference.Name == osc.Metadata.Name;

    private static OwnerReference OwnerOf(OperatingSystemConfig osc) => new()
    {
        ApiVersion = OperatingSystemConfig.GroupVersion,
        Kind = OperatingSystemConfig.KindName,
        Name = osc.Metadata.Name!,
        Uid = osc.Metadata.Uid ?? throw new InvalidOperationException("The OperatingSystemConfig has no metadata.uid."),
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
