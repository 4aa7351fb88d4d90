using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.Provider.IntegrationTests.Support;

/// <summary>
/// Simulates the controller being killed right after a chosen metal-api call succeeded: the call reaches metal-api,
/// then the reconcile's token is cancelled, so the framework writes no status (as if the process died).
/// </summary>
internal sealed class CrashingMetalApiClient(IMetalApiClient inner, string crashAfter, CancellationTokenSource kill) : IMetalApiClient
{
    public bool Crashed { get; private set; }

    private async Task<T> Run<T>(string operation, Func<Task<T>> call)
    {
        var result = await call();
        if (operation == crashAfter && !Crashed)
        {
            Crashed = true;
            await kill.CancelAsync();
            kill.Token.ThrowIfCancellationRequested();
        }

        return result;
    }

    public Task<MachineResponse> AllocateMachineAsync(MachineAllocateRequest request, CancellationToken cancellationToken = default) => Run(nameof(AllocateMachineAsync), () => inner.AllocateMachineAsync(request, cancellationToken));
    public Task<IReadOnlyList<MachineResponse>> FindMachinesAsync(MachineFindRequest request, CancellationToken cancellationToken = default) => Run(nameof(FindMachinesAsync), () => inner.FindMachinesAsync(request, cancellationToken));
    public Task<MachineResponse> GetMachineAsync(string id, CancellationToken cancellationToken = default) => Run(nameof(GetMachineAsync), () => inner.GetMachineAsync(id, cancellationToken));
    public Task<MachineResponse> FreeMachineAsync(string id, CancellationToken cancellationToken = default) => Run(nameof(FreeMachineAsync), () => inner.FreeMachineAsync(id, cancellationToken));
    public Task<FirewallResponse> AllocateFirewallAsync(FirewallCreateRequest request, CancellationToken cancellationToken = default) => Run(nameof(AllocateFirewallAsync), () => inner.AllocateFirewallAsync(request, cancellationToken));
    public Task<IReadOnlyList<FirewallResponse>> FindFirewallsAsync(FirewallFindRequest request, CancellationToken cancellationToken = default) => Run(nameof(FindFirewallsAsync), () => inner.FindFirewallsAsync(request, cancellationToken));
    public Task<FirewallResponse> GetFirewallAsync(string id, CancellationToken cancellationToken = default) => Run(nameof(GetFirewallAsync), () => inner.GetFirewallAsync(id, cancellationToken));
    public Task<NetworkResponse> AllocateNetworkAsync(NetworkAllocateRequest request, CancellationToken cancellationToken = default) => Run(nameof(AllocateNetworkAsync), () => inner.AllocateNetworkAsync(request, cancellationToken));
    public Task<IReadOnlyList<NetworkResponse>> FindNetworksAsync(NetworkFindRequest request, CancellationToken cancellationToken = default) => Run(nameof(FindNetworksAsync), () => inner.FindNetworksAsync(request, cancellationToken));
    public Task<NetworkResponse> GetNetworkAsync(string id, CancellationToken cancellationToken = default) => Run(nameof(GetNetworkAsync), () => inner.GetNetworkAsync(id, cancellationToken));
    public Task<NetworkResponse> FreeNetworkAsync(string id, CancellationToken cancellationToken = default) => Run(nameof(FreeNetworkAsync), () => inner.FreeNetworkAsync(id, cancellationToken));
    public Task<IPResponse> AllocateIPAsync(IPAllocateRequest request, CancellationToken cancellationToken = default) => Run(nameof(AllocateIPAsync), () => inner.AllocateIPAsync(request, cancellationToken));
    public Task<IReadOnlyList<IPResponse>> FindIPsAsync(IPFindRequest request, CancellationToken cancellationToken = default) => Run(nameof(FindIPsAsync), () => inner.FindIPsAsync(request, cancellationToken));
    public Task<IPResponse> GetIPAsync(string ipAddress, CancellationToken cancellationToken = default) => Run(nameof(GetIPAsync), () => inner.GetIPAsync(ipAddress, cancellationToken));
    public Task<IPResponse> UpdateIPAsync(IPUpdateRequest request, CancellationToken cancellationToken = default) => Run(nameof(UpdateIPAsync), () => inner.UpdateIPAsync(request, cancellationToken));
    public Task<IPResponse> FreeIPAsync(string ipAddress, CancellationToken cancellationToken = default) => Run(nameof(FreeIPAsync), () => inner.FreeIPAsync(ipAddress, cancellationToken));
    public Task<ImageResponse> GetImageAsync(string id, CancellationToken cancellationToken = default) => inner.GetImageAsync(id, cancellationToken);
    public Task<IReadOnlyList<ImageResponse>> FindImagesAsync(ImageFindRequest request, CancellationToken cancellationToken = default) => inner.FindImagesAsync(request, cancellationToken);
    public Task<SizeResponse> GetSizeAsync(string id, CancellationToken cancellationToken = default) => inner.GetSizeAsync(id, cancellationToken);
    public Task<IReadOnlyList<SizeResponse>> ListSizesAsync(CancellationToken cancellationToken = default) => inner.ListSizesAsync(cancellationToken);
    public Task<PartitionResponse> GetPartitionAsync(string id, CancellationToken cancellationToken = default) => inner.GetPartitionAsync(id, cancellationToken);
    public Task<IReadOnlyList<PartitionResponse>> ListPartitionsAsync(CancellationToken cancellationToken = default) => inner.ListPartitionsAsync(cancellationToken);
    public Task<ProjectResponse> GetProjectAsync(string id, CancellationToken cancellationToken = default) => inner.GetProjectAsync(id, cancellationToken);
    public Task<IReadOnlyList<ProjectResponse>> FindProjectsAsync(ProjectFindRequest request, CancellationToken cancellationToken = default) => inner.FindProjectsAsync(request, cancellationToken);
    public Task<VersionResponse> GetVersionAsync(CancellationToken cancellationToken = default) => inner.GetVersionAsync(cancellationToken);
    public Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default) => inner.GetHealthAsync(cancellationToken);
}
