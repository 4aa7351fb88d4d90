using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Events;
using GardenerMetal.Mcm.Controller.Models;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;

namespace GardenerMetal.Mcm.Controller;

/// <summary>The delete flow: Terminating, DeleteMachine (OK, or a NotFound that ListMachines confirms, continues), then the finalizer goes.</summary>
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
            await RecordAsync(machine, EventType.Warning, "DeleteBlocked", $"Cannot delete the VM: {problem}", cancellationToken);
            await PatchStatusAsync(machine, null, "Delete", "Failed", problem, nameof(StatusCode.FailedPrecondition), cancellationToken);
            return _options.MediumRetry;
        }

        var request = new DeleteMachineRequest { MachineName = name, ProviderId = machine.Spec?.ProviderId ?? string.Empty, ProviderSpec = spec };
        request.Secret.Add(secret);
        try
        {
            try
            {
                await _driver.DeleteMachineAsync(request, CallOptions(cancellationToken));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                // Gone already only if ListMachines answers without it.
                if (await ListedAsync(spec, secret, request.ProviderId, name, cancellationToken) != false)
                {
                    throw new RpcException(new Status(StatusCode.Unavailable, $"{ex.Status.Detail}; not confirmed by ListMachines"));
                }
            }
        }
        catch (RpcException ex)
        {
            var retry = IsTransient(ex.StatusCode) ? _options.ShortRetry : _options.LongRetry;
            MachineControllerLog.Failed(_logger, name, "DeleteMachine", ex.StatusCode.ToString(), retry);
            await RecordAsync(machine, EventType.Warning, "DeleteFailed", $"DeleteMachine: {ex.Status.Detail}; the finalizer stays until the metal-api confirms the machine is free; retry in {retry}", cancellationToken);
            await PatchStatusAsync(machine, null, "Delete", "Failed", $"DeleteMachine: {ex.Status.Detail}", ex.StatusCode.ToString(), cancellationToken);
            return retry;
        }

        var remaining = (machine.Metadata.Finalizers ?? []).Where(f => f != MachinePhases.Finalizer).ToList();
        await PatchObjectAsync(machine, new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = Finalizers(remaining) } }, cancellationToken);
        MachineControllerLog.Deleted(_logger, name);
        await RecordAsync(machine, EventType.Normal, "Deleted", $"VM {request.ProviderId} freed", cancellationToken);
        return null;
    }
}
