using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalApi;

/// <summary>
/// The metal-api v1 calls GardenerMetal uses. Every method throws <see cref="MetalApiException"/> on failure
/// (see its <c>IsNotFound</c>/<c>IsConflict</c>/<c>IsExhausted</c>/<c>IsUnauthenticated</c>/<c>IsTransient</c>) and
/// <see cref="OperationCanceledException"/> when <c>cancellationToken</c> fires. Safe calls (get, find, list) are retried
/// with jittered backoff on 429/5xx/timeouts/transport errors; allocations, updates and frees are never retried.
/// </summary>
public interface IMetalApiClient
{
    /// <summary>POST /v1/machine/allocate: allocates a free machine of the size in the partition (422 "no machine available" when none).</summary>
    Task<MachineResponse> AllocateMachineAsync(MachineAllocateRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/machine/find.</summary>
    Task<IReadOnlyList<MachineResponse>> FindMachinesAsync(MachineFindRequest request, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/machine/{id}.</summary>
    Task<MachineResponse> GetMachineAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>DELETE /v1/machine/{id}/free: releases the machine (also firewalls).</summary>
    Task<MachineResponse> FreeMachineAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/firewall/allocate.</summary>
    Task<FirewallResponse> AllocateFirewallAsync(FirewallCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/firewall/find.</summary>
    Task<IReadOnlyList<FirewallResponse>> FindFirewallsAsync(FirewallFindRequest request, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/firewall/{id}.</summary>
    Task<FirewallResponse> GetFirewallAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/network/allocate: a child network of the partition's private super network.</summary>
    Task<NetworkResponse> AllocateNetworkAsync(NetworkAllocateRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/network/find.</summary>
    Task<IReadOnlyList<NetworkResponse>> FindNetworksAsync(NetworkFindRequest request, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/network/{id}.</summary>
    Task<NetworkResponse> GetNetworkAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>DELETE /v1/network/free/{id} (409 while IPs are allocated in it).</summary>
    Task<NetworkResponse> FreeNetworkAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/ip/allocate.</summary>
    Task<IPResponse> AllocateIPAsync(IPAllocateRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/ip/find.</summary>
    Task<IReadOnlyList<IPResponse>> FindIPsAsync(IPFindRequest request, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/ip/{id} (id is the address).</summary>
    Task<IPResponse> GetIPAsync(string ipAddress, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/ip: updates name, description, type and tags of an IP.</summary>
    Task<IPResponse> UpdateIPAsync(IPUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>DELETE /v1/ip/free/{id}.</summary>
    Task<IPResponse> FreeIPAsync(string ipAddress, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/image/{id}.</summary>
    Task<ImageResponse> GetImageAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/image/find.</summary>
    Task<IReadOnlyList<ImageResponse>> FindImagesAsync(ImageFindRequest request, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/size/{id}.</summary>
    Task<SizeResponse> GetSizeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/size (metal-api has no size find).</summary>
    Task<IReadOnlyList<SizeResponse>> ListSizesAsync(CancellationToken cancellationToken = default);

    /// <summary>GET /v1/partition/{id}.</summary>
    Task<PartitionResponse> GetPartitionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/partition (metal-api has no partition find).</summary>
    Task<IReadOnlyList<PartitionResponse>> ListPartitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>GET /v1/project/{id}.</summary>
    Task<ProjectResponse> GetProjectAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/project/find.</summary>
    Task<IReadOnlyList<ProjectResponse>> FindProjectsAsync(ProjectFindRequest request, CancellationToken cancellationToken = default);

    /// <summary>GET /v1/version.</summary>
    Task<VersionResponse> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>GET /v1/health: returns the body for 200 and for 500 (unhealthy); check <see cref="HealthResponse.Status"/>.</summary>
    Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default);
}
