using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Mcm.Tests;

/// <summary>A fake driver that records what arrives and answers Uninitialized (17) for GetMachineStatus.</summary>
internal sealed class RecordingDriver : DriverBase
{
    public CreateMachineRequest? LastCreate { get; private set; }

    public override Task<CreateMachineResponse> CreateMachine(CreateMachineRequest request, ServerCallContext context)
    {
        LastCreate = request;
        return Task.FromResult(new CreateMachineResponse { ProviderId = "metal:///p1/" + request.MachineName, NodeName = request.MachineName, LastKnownState = "allocated" });
    }

    public override Task<GetMachineStatusResponse> GetMachineStatus(GetMachineStatusRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(McmStatusCodes.Uninitialized, $"{request.ProviderId} needs initialization"));

    public override Task<ListMachinesResponse> ListMachines(ListMachinesRequest request, ServerCallContext context)
    {
        var response = new ListMachinesResponse();
        response.Machines["metal:///p1/a"] = "worker-a";
        response.Machines["metal:///p1/b"] = "worker-b";
        return Task.FromResult(response);
    }
}
