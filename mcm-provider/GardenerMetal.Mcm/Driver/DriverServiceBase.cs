using GardenerMetal.Grpc;
using GardenerMetal.Mcm.Driver.V1;

namespace GardenerMetal.Mcm.Driver;

/// <summary>
/// Base class of a Driver service implementation. Every method answers Unimplemented until
/// overridden; throw <see cref="RpcException"/> to answer a status (e.g. NotFound, Uninitialized).
/// <see cref="BindService"/> turns the implementation into a definition the transport serves.
/// </summary>
public abstract class DriverServiceBase
{
    /// <summary>Creates the VM of a Machine; must be idempotent.</summary>
    public virtual Task<CreateMachineResponse> CreateMachine(CreateMachineRequest request, GrpcServerCallContext context) =>
        throw Unimplemented(nameof(CreateMachine));

    /// <summary>Provider-side initialisation after create; Unimplemented means "nothing to do".</summary>
    public virtual Task<InitializeMachineResponse> InitializeMachine(InitializeMachineRequest request, GrpcServerCallContext context) =>
        throw Unimplemented(nameof(InitializeMachine));

    /// <summary>Deletes the VM; OK when it is already gone.</summary>
    public virtual Task<DeleteMachineResponse> DeleteMachine(DeleteMachineRequest request, GrpcServerCallContext context) =>
        throw Unimplemented(nameof(DeleteMachine));

    /// <summary>OK, NotFound or Uninitialized.</summary>
    public virtual Task<GetMachineStatusResponse> GetMachineStatus(GetMachineStatusRequest request, GrpcServerCallContext context) =>
        throw Unimplemented(nameof(GetMachineStatus));

    /// <summary>The VMs of the class's scope: providerID → machine name.</summary>
    public virtual Task<ListMachinesResponse> ListMachines(ListMachinesRequest request, GrpcServerCallContext context) =>
        throw Unimplemented(nameof(ListMachines));

    /// <summary>The provider's IDs of the given volumes.</summary>
    public virtual Task<GetVolumeIDsResponse> GetVolumeIDs(GetVolumeIDsRequest request, GrpcServerCallContext context) =>
        throw Unimplemented(nameof(GetVolumeIDs));

    /// <summary>The service definition that routes the six methods to this instance.</summary>
    public GrpcServiceDefinition BindService() =>
        GrpcServiceDefinition.CreateBuilder()
            .AddUnary(DriverMethods.CreateMachine, CreateMachine)
            .AddUnary(DriverMethods.InitializeMachine, InitializeMachine)
            .AddUnary(DriverMethods.DeleteMachine, DeleteMachine)
            .AddUnary(DriverMethods.GetMachineStatus, GetMachineStatus)
            .AddUnary(DriverMethods.ListMachines, ListMachines)
            .AddUnary(DriverMethods.GetVolumeIDs, GetVolumeIDs)
            .Build();

    private static RpcException Unimplemented(string method) =>
        new(GrpcStatusCode.Unimplemented, $"{DriverMethods.ServiceName}/{method} is not implemented by this driver.");
}
