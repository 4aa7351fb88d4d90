using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalApi;

/// <summary>The metal-api v1 routes this client uses (the contract tests check each against the Swagger spec).</summary>
public static class MetalApiRoutes
{
    /// <summary>POST /v1/machine/allocate.</summary>
    public static readonly MetalApiRoute AllocateMachine = new("allocateMachine", "POST", "/v1/machine/allocate", typeof(MachineAllocateRequest), typeof(MachineResponse), false, false);
    /// <summary>POST /v1/machine/find.</summary>
    public static readonly MetalApiRoute FindMachines = new("findMachines", "POST", "/v1/machine/find", typeof(MachineFindRequest), typeof(MachineResponse), true, true);
    /// <summary>GET /v1/machine/{id}.</summary>
    public static readonly MetalApiRoute GetMachine = new("findMachine", "GET", "/v1/machine/{id}", null, typeof(MachineResponse), false, true);
    /// <summary>DELETE /v1/machine/{id}/free.</summary>
    public static readonly MetalApiRoute FreeMachine = new("freeMachine", "DELETE", "/v1/machine/{id}/free", null, typeof(MachineResponse), false, false);
    /// <summary>POST /v1/firewall/allocate.</summary>
    public static readonly MetalApiRoute AllocateFirewall = new("allocateFirewall", "POST", "/v1/firewall/allocate", typeof(FirewallCreateRequest), typeof(FirewallResponse), false, false);
    /// <summary>POST /v1/firewall/find.</summary>
    public static readonly MetalApiRoute FindFirewalls = new("findFirewalls", "POST", "/v1/firewall/find", typeof(FirewallFindRequest), typeof(FirewallResponse), true, true);
    /// <summary>GET /v1/firewall/{id}.</summary>
    public static readonly MetalApiRoute GetFirewall = new("findFirewall", "GET", "/v1/firewall/{id}", null, typeof(FirewallResponse), false, true);
    /// <summary>POST /v1/network/allocate.</summary>
    public static readonly MetalApiRoute AllocateNetwork = new("allocateNetwork", "POST", "/v1/network/allocate", typeof(NetworkAllocateRequest), typeof(NetworkResponse), false, false);
    /// <summary>POST /v1/network/find.</summary>
    public static readonly MetalApiRoute FindNetworks = new("findNetworks", "POST", "/v1/network/find", typeof(NetworkFindRequest), typeof(NetworkResponse), true, true);
    /// <summary>GET /v1/network/{id}.</summary>
    public static readonly MetalApiRoute GetNetwork = new("findNetwork", "GET", "/v1/network/{id}", null, typeof(NetworkResponse), false, true);
    /// <summary>DELETE /v1/network/free/{id}.</summary>
    public static readonly MetalApiRoute FreeNetwork = new("freeNetwork", "DELETE", "/v1/network/free/{id}", null, typeof(NetworkResponse), false, false);
    /// <summary>POST /v1/ip/allocate.</summary>
    public static readonly MetalApiRoute AllocateIP = new("allocateIP", "POST", "/v1/ip/allocate", typeof(IPAllocateRequest), typeof(IPResponse), false, false);
    /// <summary>POST /v1/ip/find.</summary>
    public static readonly MetalApiRoute FindIPs = new("findIPs", "POST", "/v1/ip/find", typeof(IPFindRequest), typeof(IPResponse), true, true);
    /// <summary>GET /v1/ip/{id}.</summary>
    public static readonly MetalApiRoute GetIP = new("findIP", "GET", "/v1/ip/{id}", null, typeof(IPResponse), false, true);
    /// <summary>POST /v1/ip (update, e.g. tags).</summary>
    public static readonly MetalApiRoute UpdateIP = new("updateIP", "POST", "/v1/ip", typeof(IPUpdateRequest), typeof(IPResponse), false, false);
    /// <summary>DELETE /v1/ip/free/{id}.</summary>
    public static readonly MetalApiRoute FreeIP = new("freeIP", "DELETE", "/v1/ip/free/{id}", null, typeof(IPResponse), false, false);
    /// <summary>GET /v1/image/{id}.</summary>
    public static readonly MetalApiRoute GetImage = new("findImage", "GET", "/v1/image/{id}", null, typeof(ImageResponse), false, true);
    /// <summary>POST /v1/image/find.</summary>
    public static readonly MetalApiRoute FindImages = new("findImages", "POST", "/v1/image/find", typeof(ImageFindRequest), typeof(ImageResponse), true, true);
    /// <summary>GET /v1/image.</summary>
    public static readonly MetalApiRoute ListImages = new("listImages", "GET", "/v1/image", null, typeof(ImageResponse), true, true);
    /// <summary>GET /v1/size/{id}.</summary>
    public static readonly MetalApiRoute GetSize = new("findSize", "GET", "/v1/size/{id}", null, typeof(SizeResponse), false, true);
    /// <summary>GET /v1/size (metal-api has no size find; this lists them).</summary>
    public static readonly MetalApiRoute ListSizes = new("listSizes", "GET", "/v1/size", null, typeof(SizeResponse), true, true);
    /// <summary>GET /v1/partition/{id}.</summary>
    public static readonly MetalApiRoute GetPartition = new("findPartition", "GET", "/v1/partition/{id}", null, typeof(PartitionResponse), false, true);
    /// <summary>GET /v1/partition (metal-api has no partition find; this lists them).</summary>
    public static readonly MetalApiRoute ListPartitions = new("listPartitions", "GET", "/v1/partition", null, typeof(PartitionResponse), true, true);
    /// <summary>GET /v1/project/{id}.</summary>
    public static readonly MetalApiRoute GetProject = new("findProject", "GET", "/v1/project/{id}", null, typeof(ProjectResponse), false, true);
    /// <summary>POST /v1/project/find.</summary>
    public static readonly MetalApiRoute FindProjects = new("findProjects", "POST", "/v1/project/find", typeof(ProjectFindRequest), typeof(ProjectResponse), true, true);
    /// <summary>GET /v1/version.</summary>
    public static readonly MetalApiRoute Version = new("info", "GET", "/v1/version", null, typeof(VersionResponse), false, true);
    /// <summary>GET /v1/health (answers 500 with a <see cref="HealthResponse"/> body when unhealthy).</summary>
    public static readonly MetalApiRoute Health = new("health", "GET", "/v1/health", null, typeof(HealthResponse), false, true);

    /// <summary>Every route above, for contract checks and the simulator.</summary>
    public static IReadOnlyList<MetalApiRoute> All { get; } =
    [
        AllocateMachine, FindMachines, GetMachine, FreeMachine,
        AllocateFirewall, FindFirewalls, GetFirewall,
        AllocateNetwork, FindNetworks, GetNetwork, FreeNetwork,
        AllocateIP, FindIPs, GetIP, UpdateIP, FreeIP,
        GetImage, FindImages, ListImages, GetSize, ListSizes, GetPartition, ListPartitions,
        GetProject, FindProjects, Version, Health,
    ];
}
