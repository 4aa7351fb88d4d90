using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalSim.State;

/// <summary>The allocation of a simulated machine.</summary>
internal sealed class SimAllocation
{
    public required string Uuid { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string Creator { get; init; }
    public required string Role { get; init; }
    public required string ProjectId { get; init; }
    public required string ImageId { get; init; }
    public required string Name { get; init; }
    public required string Hostname { get; init; }
    public string? Description { get; init; }
    public string? UserData { get; init; }
    public required IReadOnlyList<string> SshPubKeys { get; init; }
    public IReadOnlyList<DNSServer>? DnsServers { get; init; }
    public IReadOnlyList<NTPServer>? NtpServers { get; init; }
    public FirewallRules? FirewallRules { get; init; }
    public required IReadOnlyList<string> PlacementTags { get; init; }
    public required List<MachineNetwork> Networks { get; init; }
    public required DateTimeOffset PhonedHomeAt { get; init; }
}
