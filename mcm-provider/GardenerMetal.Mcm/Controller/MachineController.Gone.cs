using System.Collections.Concurrent;
using Grpc.Core;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Events;
using GardenerMetal.Mcm.Controller.Models;
using GardenerMetal.Mcm.Driver.V1;
using Google.Protobuf;

namespace GardenerMetal.Mcm.Controller;

/// <summary>
/// When a VM counts as gone. One NotFound is not proof: a metal-api hiccup or a wrong route answering 404 on every
/// path must not replace a healthy machine nor drop a finalizer while the metal machine stays allocated (issue 20).
/// A VM is gone only when ListMachines answers (so the metal-api works) without it, and for a Running machine only
/// after <see cref="MachineControllerOptions.GoneConfirmations"/> such answers over
/// <see cref="MachineControllerOptions.GoneGracePeriod"/>.
/// </summary>
public sealed partial class MachineController
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Since, int Count)> _missing = new(StringComparer.Ordinal);

    /// <summary>Whether ListMachines reports the VM: true listed, false positively not listed, null no answer.</summary>
    private async Task<bool?> ListedAsync(ByteString spec, Dictionary<string, ByteString> secret, string providerId, string machineName, CancellationToken cancellationToken)
    {
        var request = new ListMachinesRequest { ProviderSpec = spec };
        request.Secret.Add(secret);
        try
        {
            var listed = await _driver.ListMachinesAsync(request, CallOptions(cancellationToken));
            return providerId.Length > 0
                ? listed.Machines.ContainsKey(providerId)
                : listed.Machines.Values.Contains(machineName, StringComparer.Ordinal);
        }
        catch (RpcException)
        {
            return null;
        }
    }

    /// <summary>GetMachineStatus said NotFound for a Running machine: Failed only once that is confirmed over the grace period.</summary>
    private async Task<TimeSpan?> RunningVmMissingAsync(Machine machine, ByteString spec, Dictionary<string, ByteString> secret, RpcException notFound, CancellationToken cancellationToken)
    {
        var name = machine.Metadata.Name!;
        var providerId = machine.Spec?.ProviderId ?? string.Empty;
        var key = ObjectKey.For(machine);
        var listed = await ListedAsync(spec, secret, providerId, name, cancellationToken);
        var retry = TimeSpan.FromTicks(Math.Max(1, Math.Min(_options.ShortRetry.Ticks, _options.GoneGracePeriod.Ticks / Math.Max(1, _options.GoneConfirmations))));
        if (listed != false)
        {
            // The metal-api contradicts itself or does not answer: nothing is confirmed.
            _missing.TryRemove(key, out _);
            var why = listed is null ? "ListMachines failed too" : "ListMachines still lists it";
            MachineControllerLog.VmMissingUnconfirmed(_logger, name, why);
            await PatchStatusAsync(machine, null, "HealthCheck", "Processing", $"GetMachineStatus: {notFound.Status.Detail}; not confirmed ({why}), machine kept", notFound.StatusCode.ToString(), cancellationToken);
            return retry;
        }

        var now = _time.GetUtcNow();
        var seen = _missing.AddOrUpdate(key, _ => (now, 1), (_, old) => (old.Since, old.Count + 1));
        if (seen.Count < _options.GoneConfirmations || now - seen.Since < _options.GoneGracePeriod)
        {
            MachineControllerLog.VmMissingUnconfirmed(_logger, name, $"confirmation {seen.Count} of {_options.GoneConfirmations}");
            return retry;
        }

        _missing.TryRemove(key, out _);
        MachineControllerLog.VmGone(_logger, name, providerId);
        await RecordAsync(machine, EventType.Warning, "MachineGone", $"VM {providerId} is gone (confirmed {seen.Count} times over {(now - seen.Since).TotalSeconds:F0} s); the machine is Failed and will be replaced", cancellationToken);
        await PatchStatusAsync(machine, MachinePhases.Failed, "HealthCheck", "Failed", $"VM {providerId} not found: {notFound.Status.Detail}", notFound.StatusCode.ToString(), cancellationToken);
        return null;
    }

    private void VmSeen(Machine machine) => _missing.TryRemove(ObjectKey.For(machine), out _);
}
