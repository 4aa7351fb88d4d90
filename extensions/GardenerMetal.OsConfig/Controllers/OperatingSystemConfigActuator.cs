using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.OsConfig.Translation;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.OsConfig.Controllers;

/// <summary>
/// os-metal's OperatingSystemConfig actuator; the generic <c>ExtensionReconciler</c> does the rest of Gardener's contract
/// (finalizer, operation annotation, lastOperation/lastError, observedGeneration). One file per operation:
/// <list type="bullet">
/// <item>Reconcile/Restore (<c>.Reconcile.cs</c>): purpose <c>provision</c> → Secret <c>osc-result-&lt;name&gt;</c> (key
/// <c>cloud_config</c>, owned by the OSC) and <c>status.cloudConfig.secretRef</c>; purpose <c>reconcile</c> → only
/// <c>status.extensionUnits</c>/<c>extensionFiles</c>. <c>secretRef</c> file contents come from Secrets in the OSC's
/// namespace. A bad OSC fails with <c>ERR_CONFIGURATION_PROBLEM</c> and the field path before anything is written.</item>
/// <item>Delete/ForceDelete (<c>.Delete.cs</c>): removes the result Secret.</item>
/// <item>Migrate (<c>.Migrate.cs</c>): nothing to hand over; the output is derived from the spec alone.</item>
/// </list>
/// </summary>
public sealed partial class OperatingSystemConfigActuator : IOperatingSystemConfigActuator
{
    private readonly ResourceClient<Secret> _secrets;
    private readonly ResultSecrets _resultSecrets;
    private readonly OscTranslator _translator;
    private readonly ILogger _logger;

    /// <param name="client">Client for the seed (Secrets in the OSC namespaces).</param>
    /// <param name="logger">Logger; never receives user data or secret contents.</param>
    /// <param name="translatorOptions">Formats by OSC type; default metal → Ignition, debian/ubuntu → cloud-init.</param>
    public OperatingSystemConfigActuator(KubernetesClient client, ILogger logger, OscTranslatorOptions? translatorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _secrets = client.Secrets;
        _resultSecrets = new ResultSecrets(_secrets);
        _translator = new OscTranslator(translatorOptions);
        _logger = logger;
    }
}
