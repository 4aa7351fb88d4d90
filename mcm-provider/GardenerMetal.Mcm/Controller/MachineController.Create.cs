using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Events;
using GardenerMetal.Mcm.Controller.Models;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Transport;
using Google.Protobuf;
using Grpc.Core;

namespace GardenerMetal.Mcm.Controller;

/// <summary>The create flow (MCM machine.go: GetMachineStatus first, create on NotFound).</summary>
public sealed partial class MachineController
{
    private async Task<TimeSpan?> CreateFlowAsync(Machine machine, CancellationToken cancellationToken)
    {
        var name = machine.Metadata.Name!;
        if (!HasFinalizer(machine))
        {
            machine = await PatchObjectAsync(
                machine,
                new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = Finalizers((machine.Metadata.Finalizers ?? []).Append(MachinePhases.Finalizer)) } },
                cancellationToken);
        }

        var (spec, secret, problem) = await DriverInputsAsync(machine.Metadata.Namespace, machine.Spec?.Class?.Name, cancellationToken, hold: true);
        if (problem is not null)
        {
            await PatchStatusAsync(machine, null, "Create", "Failed", problem, nameof(StatusCode.FailedPrecondition), cancellationToken);
            return _options.MediumRetry;
        }

        var providerId = machine.Spec?.ProviderId ?? string.Empty;
        var phase = machine.Status?.CurrentStatus?.Phase;
        var status = new GetMachineStatusRequest { MachineName = name, ProviderId = providerId, ProviderSpec = spec };
        status.Secret.Add(secret);
        try
        {
            var found = await _driver.GetMachineStatusAsync(status, CallOptions(cancellationToken));
            VmSeen(machine);
            return await MarkRunningAsync(machine, found.ProviderId, found.NodeName, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == McmStatusCodes.Uninitialized)
        {
            return await InitializeAsync(machine, spec, secret, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.Unimplemented)
        {
            if (phase == MachinePhases.Running)
            {
                // The VM of a running machine may be gone: give the machine up (its MachineSet replaces it) only once confirmed.
                return await RunningVmMissingAsync(machine, spec, secret, ex, cancellationToken);
            }
        }
        catch (RpcException ex)
        {
            return await CreateFailedAsync(machine, "GetMachineStatus", ex, cancellationToken);
        }

        var create = new CreateMachineRequest { MachineName = name, ProviderId = providerId, ProviderSpec = spec };
        foreach (var (key, value) in secret)
        {
            create.Secret[key] = value;
        }

        if (secret.TryGetValue("userData", out var userData))
        {
            create.Secret["userData"] = ByteString.CopyFromUtf8(UserDataPlaceholders.Replace(userData.ToStringUtf8(), NewBootstrapToken(), name));
        }

        CreateMachineResponse created;
        try
        {
            created = await _driver.CreateMachineAsync(create, CallOptions(cancellationToken));
        }
        catch (RpcException ex)
        {
            return await CreateFailedAsync(machine, "CreateMachine", ex, cancellationToken);
        }

        if (string.IsNullOrEmpty(created.ProviderId))
        {
            return await CreateFailedAsync(machine, "CreateMachine", new RpcException(new Status(StatusCode.Internal, "the driver returned an empty providerID")), cancellationToken);
        }

        MachineControllerLog.Created(_logger, name, created.ProviderId);
        await RecordAsync(machine, EventType.Normal, "Created", $"Created VM {created.ProviderId}", cancellationToken);
        machine = await PatchObjectAsync(
            machine,
            new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [MachinePhases.NodeLabel] = created.NodeName.Length > 0 ? created.NodeName : name } },
                ["spec"] = new JsonObject { ["providerID"] = created.ProviderId },
            },
            cancellationToken);
        await PatchStatusAsync(machine, MachinePhases.Pending, "Create", "Processing", "Created the VM; waiting for it to run", null, cancellationToken);
        return _options.ShortRetry;
    }

    private async Task<TimeSpan?> InitializeAsync(Machine machine, ByteString spec, Dictionary<string, ByteString> secret, CancellationToken cancellationToken)
    {
        var request = new InitializeMachineRequest { MachineName = machine.Metadata.Name!, ProviderId = machine.Spec?.ProviderId ?? string.Empty, ProviderSpec = spec };
        request.Secret.Add(secret);
        try
        {
            var initialized = await _driver.InitializeMachineAsync(request, CallOptions(cancellationToken));
            return await MarkRunningAsync(machine, initialized.ProviderId, initialized.NodeName, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            return await MarkRunningAsync(machine, machine.Spec?.ProviderId ?? string.Empty, machine.Metadata.Name!, cancellationToken);
        }
        catch (RpcException ex)
        {
            // MCM: any other InitializeMachine error fails the attempt with the short retry.
            await PatchStatusAsync(machine, MachinePhases.CrashLoopBackOff, "Create", "Failed", $"InitializeMachine: {ex.Status.Detail}", ex.StatusCode.ToString(), cancellationToken);
            return _options.ShortRetry;
        }
    }

    private async Task<TimeSpan?> MarkRunningAsync(Machine machine, string providerId, string nodeName, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(providerId) && machine.Spec?.ProviderId != providerId)
        {
            machine = await PatchObjectAsync(
                machine,
                new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [MachinePhases.NodeLabel] = nodeName.Length > 0 ? nodeName : machine.Metadata.Name } },
                    ["spec"] = new JsonObject { ["providerID"] = providerId },
                },
                cancellationToken);
        }

        if (machine.Status?.CurrentStatus?.Phase != MachinePhases.Running)
        {
            await PatchStatusAsync(machine, MachinePhases.Running, "Create", "Successful", "Machine is running", null, cancellationToken);
        }

        return _options.StatusCheckPeriod;
    }

    private async Task<TimeSpan?> CreateFailedAsync(Machine machine, string operation, RpcException error, CancellationToken cancellationToken)
    {
        var name = machine.Metadata.Name!;
        var created = machine.Metadata.CreationTimestamp ?? _time.GetUtcNow();
        if (machine.Status?.CurrentStatus?.Phase != MachinePhases.Running && _time.GetUtcNow() - created > _options.CreationTimeout)
        {
            MachineControllerLog.TimedOut(_logger, name);
            await RecordAsync(machine, EventType.Warning, "CreationTimedOut", $"Creation timed out; last error: {operation}: {error.StatusCode}", cancellationToken);
            await PatchStatusAsync(machine, MachinePhases.Failed, "Create", "Failed", $"Creation timed out; last error: {operation}: {error.Status.Detail}", error.StatusCode.ToString(), cancellationToken);
            return null;
        }

        var retry = RetryFor(error.StatusCode);
        MachineControllerLog.Failed(_logger, name, operation, error.StatusCode.ToString(), retry);
        await RecordAsync(machine, EventType.Warning, error.StatusCode == StatusCode.ResourceExhausted ? "AllocationFailed" : operation + "Failed", $"{operation}: {error.Status.Detail}; retry in {retry}", cancellationToken);
        var phase = machine.Status?.CurrentStatus?.Phase == MachinePhases.Running ? MachinePhases.Running : MachinePhases.CrashLoopBackOff;
        await PatchStatusAsync(machine, phase, "Create", "Failed", $"{operation}: {error.Status.Detail}", error.StatusCode.ToString(), cancellationToken);
        return retry;
    }
}
