using GardenerMetal.Grpc;
using GardenerMetal.Mcm.Driver.V1;

namespace GardenerMetal.Mcm.Driver;

/// <summary>The methods of <c>mcm.driver.v1.Driver</c> (mcm-provider/proto/mcm/driver/v1/driver.proto).</summary>
public static class DriverMethods
{
    /// <summary>The fully qualified service name.</summary>
    public const string ServiceName = "mcm.driver.v1.Driver";

    /// <summary>CreateMachine.</summary>
    public static GrpcMethod<CreateMachineRequest, CreateMachineResponse> CreateMachine { get; } =
        new(ServiceName, "CreateMachine", CreateMachineRequest.Parser, CreateMachineResponse.Parser);

    /// <summary>InitializeMachine.</summary>
    public static GrpcMethod<InitializeMachineRequest, InitializeMachineResponse> InitializeMachine { get; } =
        new(ServiceName, "InitializeMachine", InitializeMachineRequest.Parser, InitializeMachineResponse.Parser);

    /// <summary>DeleteMachine.</summary>
    public static GrpcMethod<DeleteMachineRequest, DeleteMachineResponse> DeleteMachine { get; } =
        new(ServiceName, "DeleteMachine", DeleteMachineRequest.Parser, DeleteMachineResponse.Parser);

    /// <summary>GetMachineStatus.</summary>
    public static GrpcMethod<GetMachineStatusRequest, GetMachineStatusResponse> GetMachineStatus { get; } =
        new(ServiceName, "GetMachineStatus", GetMachineStatusRequest.Parser, GetMachineStatusResponse.Parser);

    /// <summary>ListMachines.</summary>
    public static GrpcMethod<ListMachinesRequest, ListMachinesResponse> ListMachines { get; } =
        new(ServiceName, "ListMachines", ListMachinesRequest.Parser, ListMachinesResponse.Parser);

    /// <summary>GetVolumeIDs.</summary>
    public static GrpcMethod<GetVolumeIDsRequest, GetVolumeIDsResponse> GetVolumeIDs { get; } =
        new(ServiceName, "GetVolumeIDs", GetVolumeIDsRequest.Parser, GetVolumeIDsResponse.Parser);
}
