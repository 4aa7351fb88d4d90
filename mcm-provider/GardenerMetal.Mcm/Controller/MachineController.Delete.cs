using System.Text.Json.Nodes;
using GardenerMetal.Mcm.Controller.Models;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;

namespace GardenerMetal.Mcm.Controller;

/// <summary>The delete flow: Terminating, DeleteMachine (OK or NotFound continues), then the finalizer goes.</summary>
public sealed partial class MachineController
{
    private async Task<TimeSpan?> DeleteFlowAsync(Machine machine, CancellationToken cancellationToken)
    {
        if (!HasFinalizer(machine))
        {
            return null;
        }

        var name = machine.Metadata.Name!;
        if (machine.Status?.CurrentStatus?.Phase != MachinePhases.Terminating)
        {
            machine = await PatchStatusAsync(machine, MachinePhases.Terminating, "Delete", "Processing", "Deleting the VM", null, cancellationToken);
        }

        var (spec, secret, problem) = await DriverInputsAsync(machine.Metadata.Namespace, machine.Spec?.Class?.Name, cancellationToken);
        if (problem is not null)
        {
            await PatchStatusAsync(machine, null, "Delete", "Failed", problem, nameof(StatusCode.FailedPrecondition), cancellationToken);
            return _options.MediumRetry;
        }

        var request = new DeleteMachineRequest { MachineName = name, ProviderId = machine.Spec?.ProviderId ?? string.Empty, ProviderSpec = spec };
        request.Secret.Add(secret);
        try
        {
            await _driver.DeleteMachineAsync(request, CallOptions(cancellationToken));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Gone already: continue.
        }
        catch (RpcException ex)
        {
            var retry = IsTransient(ex.StatusCode) ? _options.ShortRetry : _options.LongRetry;
            MachineControllerLog.Failed(_logger, name, "DeleteMachine", ex.StatusCode.ToString(), retry);
            await PatchStatusAsync(machine, null, "Delete", "Failed", $"DeleteMachine: {ex.Status.Detail}", ex.StatusCode.ToString(), cancellationToken);
            return retry;
        }

        var remaining = (machine.Metadata.Finalizers ?? []).Where(f => f != MachinePhases.Finalizer).ToList();
        await PatchObjectAsync(machine, new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = Finalizers(remaining) } }, cancellationToken);
        MachineControllerLog.Deleted(_logger, name);
        return null;
    }
}
