using GardenerMetal.Grpc;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;

namespace GardenerMetal.Grpc.Benchmarks;

/// <summary>A driver whose GetMachineStatus does no work: measures the transport alone.</summary>
internal sealed class TrivialDriver : DriverServiceBase
{
    public override Task<GetMachineStatusResponse> GetMachineStatus(GetMachineStatusRequest request, GrpcServerCallContext context) =>
        Task.FromResult(new GetMachineStatusResponse { ProviderId = request.ProviderId, NodeName = request.MachineName });
}
