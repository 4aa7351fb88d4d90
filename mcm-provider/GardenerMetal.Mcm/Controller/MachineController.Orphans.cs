using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;

namespace GardenerMetal.Mcm.Controller;

/// <summary>
/// The orphan sweep (MCM machine_safety.go): VMs listed by the driver whose Machine is missing, or whose Machine
/// points at another VM, are deleted. It never runs while the caches have not synced or the seed API does not
/// answer (upstream MCM #657 freed every machine after a restart with the seed API down), and it confirms each
/// candidate with a live GET before deleting.
/// </summary>
public sealed partial class MachineController
{
    private async Task SweepLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.OrphanSweepPeriod, _time, cancellationToken);
                await SweepOrphansAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RpcException ex)
            {
                MachineControllerLog.SweepSkipped(_logger, $"driver error {ex.StatusCode}");
            }
        }
    }

    /// <summary>Runs one orphan sweep now.</summary>
    public async Task<OrphanSweepResult> SweepOrphansAsync(CancellationToken cancellationToken)
    {
        if (!HasSynced)
        {
            return Skip("the Machine and MachineClass caches have not synced");
        }

        try
        {
            await _machineClient.ListAsync(_options.Namespace, new ListOptions { Limit = 1 }, cancellationToken);
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
        {
            return Skip("the seed API is unreachable");
        }

        var deleted = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var machineClass in _classes.List(_options.Namespace))
        {
            var ns = machineClass.Metadata.Namespace;
            var (spec, secret, problem) = await DriverInputsAsync(ns, machineClass.Metadata.Name, cancellationToken);
            if (problem is not null)
            {
                continue;
            }

            var list = new ListMachinesRequest { ProviderSpec = spec };
            list.Secret.Add(secret);
            var vms = await _driver.ListMachinesAsync(list, CallOptions(cancellationToken));
            foreach (var (providerId, machineName) in vms.Machines)
            {
                if (!seen.Add(providerId) || Claims(_machines.Get(ns, machineName), providerId))
                {
                    continue;
                }

                Models.Machine? live;
                try
                {
                    live = await _machineClient.TryGetAsync(ns, machineName, cancellationToken);
                }
                catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
                {
                    return new OrphanSweepResult(true, deleted, "the seed API stopped answering; sweep aborted");
                }

                if (Claims(live, providerId))
                {
                    continue;
                }

                var delete = new DeleteMachineRequest { MachineName = machineName, ProviderId = providerId, ProviderSpec = spec };
                delete.Secret.Add(secret);
                await _driver.DeleteMachineAsync(delete, CallOptions(cancellationToken));
                MachineControllerLog.OrphanDeleted(_logger, providerId, machineName);
                deleted.Add(providerId);
            }
        }

        return new OrphanSweepResult(true, deleted, null);
    }

    /// <summary>Whether a Machine owns the VM, or may still be creating it (phase "", Pending or CrashLoopBackOff without a providerID).</summary>
    private static bool Claims(Models.Machine? machine, string providerId)
    {
        if (machine is null)
        {
            return false;
        }

        if (machine.Spec?.ProviderId == providerId)
        {
            return true;
        }

        var phase = machine.Status?.CurrentStatus?.Phase ?? string.Empty;
        return string.IsNullOrEmpty(machine.Spec?.ProviderId) && phase is "" or MachinePhases.Pending or MachinePhases.CrashLoopBackOff;
    }

    private OrphanSweepResult Skip(string reason)
    {
        MachineControllerLog.SweepSkipped(_logger, reason);
        return new OrphanSweepResult(false, [], reason);
    }
}
