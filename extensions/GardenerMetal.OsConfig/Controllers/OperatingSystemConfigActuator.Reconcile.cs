using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Controllers;

public sealed partial class OperatingSystemConfigActuator
{
    /// <inheritdoc />
    public Task<ActuatorResult> ReconcileAsync(OperatingSystemConfig resource, Cluster cluster, CancellationToken cancellationToken) =>
        ApplyAsync(resource, cancellationToken);

    /// <summary>Restore after a control-plane migration: the output is derived from the spec, so it is written as in a reconcile.</summary>
    public Task<ActuatorResult> RestoreAsync(OperatingSystemConfig resource, Cluster cluster, CancellationToken cancellationToken) =>
        ApplyAsync(resource, cancellationToken);

    private async Task<ActuatorResult> ApplyAsync(OperatingSystemConfig resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);

        // 1. Everything that can fail because of the OSC's content happens before any write (no partial output).
        var secrets = await ReadReferencedSecretsAsync(resource, cancellationToken).ConfigureAwait(false);
        OscTranslation translation;
        try
        {
            translation = _translator.Translate(OscSpecConverter.ToModelSpec(resource), secrets);
        }
        catch (OsConfigurationException ex)
        {
            OsMetalLog.ConfigurationProblem(_logger, resource.Metadata.Namespace, resource.Metadata.Name, ex.FieldPath);
            throw new ExtensionOperationException(ex.Message, ex.Codes, retryable: false, ex);
        }

        // 2. Write the output.
        var status = resource.EnsureStatus();
        if (translation.UserData is { } userData)
        {
            var (reference, written) = await _resultSecrets.ApplyAsync(resource, userData, cancellationToken).ConfigureAwait(false);
            status.CloudConfig = new CloudConfig { SecretRef = reference };
            var format = translation.Format is { } f ? UserDataFormats.Name(f) : "";
            OsMetalLog.UserDataApplied(_logger, reference.Namespace, reference.Name, format, userData.Length, written);
        }

        status.ExtensionUnits = StatusList(OscSpecConverter.ToStatusUnits(translation.ExtensionUnits), status.ExtensionUnits);
        status.ExtensionFiles = StatusList(OscSpecConverter.ToStatusFiles(translation.ExtensionFiles), status.ExtensionFiles);
        return ActuatorResult.Done;
    }

    /// <summary>
    /// The Secrets named by <c>spec.files[].content.secretRef</c>, read from the OSC's namespace. A missing Secret is left
    /// out, so that the translator reports it with its field path; API failures propagate (retried with backoff).
    /// </summary>
    private async Task<IOscSecretSource> ReadReferencedSecretsAsync(OperatingSystemConfig resource, CancellationToken cancellationToken)
    {
        var names = OscSpecConverter.ReferencedSecretNames(resource.Spec);
        if (names.Count == 0)
        {
            return DictionarySecretSource.Empty;
        }

        var found = new Dictionary<string, IReadOnlyDictionary<string, byte[]>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var secret = await _secrets.TryGetAsync(resource.Metadata.Namespace, name, cancellationToken).ConfigureAwait(false);
            if (secret is not null)
            {
                found[name] = secret.Data is { } data
                    ? new Dictionary<string, byte[]>(data, StringComparer.Ordinal)
                    : new Dictionary<string, byte[]>(StringComparer.Ordinal);
            }
        }

        return new DictionarySecretSource(found);
    }

    /// <summary>
    /// A status list for the merge patch the framework sends: null (field left out) when empty and never set, an empty
    /// list when it has to clear earlier entries.
    /// </summary>
    private static List<T>? StatusList<T>(List<T> value, List<T>? previous) =>
        value.Count > 0 ? value : previous is { Count: > 0 } ? [] : null;
}
