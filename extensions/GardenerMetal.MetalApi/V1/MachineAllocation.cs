namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineAllocation</c>.</summary>
[MetalApiDefinition("v1.MachineAllocation")]
public sealed record MachineAllocation
{
    /// <summary>A unique identifier for this machine allocation, can be used to distinguish between machine allocations over time.</summary>
    [JsonPropertyName("allocationuuid")]
    public string AllocationUuid { get; init; } = "";

    /// <summary>The time when the machine was created</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    /// <summary>Email of machine creator</summary>
    [JsonPropertyName("creator")]
    public string Creator { get; init; } = "";

    /// <summary>A description for this machine</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The dns servers used for the machine</summary>
    [JsonPropertyName("dns_servers")]
    public IReadOnlyList<DNSServer>? DnsServers { get; init; }

    /// <summary>A set of firewall rules to apply</summary>
    [JsonPropertyName("firewall_rules")]
    public FirewallRules? FirewallRules { get; init; }

    /// <summary>The hostname which will be used when creating the machine</summary>
    [JsonPropertyName("hostname")]
    public string Hostname { get; init; } = "";

    /// <summary>The image assigned to this machine</summary>
    [JsonPropertyName("image")]
    public ImageResponse? Image { get; init; }

    /// <summary>The name of the machine</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The networks of this machine</summary>
    [JsonPropertyName("networks")]
    public IReadOnlyList<MachineNetwork> Networks { get; init; } = [];

    /// <summary>The ntp servers used for the machine</summary>
    [JsonPropertyName("ntp_servers")]
    public IReadOnlyList<NTPServer>? NtpServers { get; init; }

    /// <summary>The project id that this machine is assigned to</summary>
    [JsonPropertyName("project")]
    public string Project { get; init; } = "";

    /// <summary>Indicates whether to reinstall the machine</summary>
    [JsonPropertyName("reinstall")]
    public bool Reinstall { get; init; }

    /// <summary>The role of the machine</summary>
    [JsonPropertyName("role")]
    public string Role { get; init; } = "";

    /// <summary>The public ssh keys to access the machine with</summary>
    [JsonPropertyName("ssh_pub_keys")]
    public IReadOnlyList<string> SshPubKeys { get; init; } = [];

    /// <summary>If the allocation of the machine was successful, this is set to true</summary>
    [JsonPropertyName("succeeded")]
    public bool Succeeded { get; init; }

    /// <summary>Userdata to execute post installation tasks</summary>
    [JsonPropertyName("user_data")]
    public string? UserData { get; init; }
}
