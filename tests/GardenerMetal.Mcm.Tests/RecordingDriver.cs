using GardenerMetal.Grpc;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;

namespace GardenerMetal.Mcm.Tests;

/// <summary>A fake driver that records what arrives and answers Uninitialized (17) for GetMachineStatus.</summary>
internal sealed class RecordingDriver : DriverServiceBase
{
    public CreateMachineRequest? LastCreate { get; private set; }

    public override Task<CreateMachineResponse> CreateMachine(CreateMachineRequest request, GrpcServerCallContext context)
    {
        LastCreate = request;
        return Task.FromResult(new CreateMachineResponse { ProviderId = "metal:///p1/" + request.MachineName, NodeName = request.MachineName, LastKnownState = "allocated" });
    }

    public override Task<GetMachineStatusResponse> GetMachineStatus(GetMachineStatusRequest request, GrpcServerCallContext context) =>
        throw new RpcException(GrpcStatusCode.Uninitialized, $"{request.ProviderId} needs initialization");

    public override Task<ListMachinesResponse> ListMachines(ListMachinesRequest request, GrpcServerCallContext context)
    {
        var response = new ListMachinesResponse();
        response.Machines["metal:///p1/a"] = "worker-a";
        response.Machines["metal:///p1/b"] = "worker-b";
        return Task.FromResult(response);
    }
}
