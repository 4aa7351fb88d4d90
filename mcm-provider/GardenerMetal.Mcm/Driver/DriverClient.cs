using GardenerMetal.Grpc;
using GardenerMetal.Mcm.Driver.V1;

namespace GardenerMetal.Mcm.Driver;

/// <summary>
/// A typed client of the Driver service. Failures are <see cref="RpcException"/>s whose
/// <see cref="RpcException.StatusCode"/> uses MCM's numbering (Uninitialized = 17 included).
/// </summary>
/// <param name="channel">The channel to the driver; owned by the caller.</param>
public sealed class DriverClient(GrpcChannel channel)
{
    private readonly GrpcChannel _channel = channel ?? throw new ArgumentNullException(nameof(channel));

    /// <summary>CreateMachine.</summary>
    public Task<CreateMachineResponse> CreateMachineAsync(CreateMachineRequest request, GrpcCallOptions? options = null) =>
        _channel.UnaryCallAsync(DriverMethods.CreateMachine, request, options);

    /// <summary>InitializeMachine.</summary>
    public Task<InitializeMachineResponse> InitializeMachineAsync(InitializeMachineRequest request, GrpcCallOptions? options = null) =>
        _channel.UnaryCallAsync(DriverMethods.InitializeMachine, request, options);

    /// <summary>DeleteMachine.</summary>
    public Task<DeleteMachineResponse> DeleteMachineAsync(DeleteMachineRequest request, GrpcCallOptions? options = null) =>
        _channel.UnaryCallAsync(DriverMethods.DeleteMachine, request, options);

    /// <summary>GetMachineStatus.</summary>
    public Task<GetMachineStatusResponse> GetMachineStatusAsync(GetMachineStatusRequest request, GrpcCallOptions? options = null) =>
        _channel.UnaryCallAsync(DriverMethods.GetMachineStatus, request, options);

    /// <summary>ListMachines.</summary>
    public Task<ListMachinesResponse> ListMachinesAsync(ListMachinesRequest request, GrpcCallOptions? options = null) =>
        _channel.UnaryCallAsync(DriverMethods.ListMachines, request, options);

    /// <summary>GetVolumeIDs.</summary>
    public Task<GetVolumeIDsResponse> GetVolumeIDsAsync(GetVolumeIDsRequest request, GrpcCallOptions? options = null) =>
        _channel.UnaryCallAsync(DriverMethods.GetVolumeIDs, request, options);
}
