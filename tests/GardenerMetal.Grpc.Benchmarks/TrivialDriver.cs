using GardenerMetal.Mcm.Driver.V1;
using Grpc.Core;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Grpc.Benchmarks;

/// <summary>A driver whose GetMachineStatus does no work: measures the transport alone.</summary>
internal sealed class TrivialDriver : DriverBase
{
    public override Task<GetMachineStatusResponse> GetMachineStatus(GetMachineStatusRequest request, ServerCallContext context) =>
        Task.FromResult(new GetMachineStatusResponse { ProviderId = request.ProviderId, NodeName = request.MachineName });
}
