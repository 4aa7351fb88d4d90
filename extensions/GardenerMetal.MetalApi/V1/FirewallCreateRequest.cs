namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.FirewallCreateRequest</c>.</summary>
[MetalApiDefinition("v1.FirewallCreateRequest")]
public sealed record FirewallCreateRequest
{
    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The dns servers used for the machine</summary>
    [JsonPropertyName("dns_servers")]
    public IReadOnlyList<DNSServer>? DnsServers { get; init; }

    /// <summary>The filesystemlayout id to assign to this machine</summary>
    [JsonPropertyName("filesystemlayoutid")]
    public string? FilesystemLayoutId { get; init; }

    /// <summary>Optional egress and ingress firewall rules to deploy during firewall allocation</summary>
    [JsonPropertyName("firewall_rules")]
    public FirewallRules? FirewallRules { get; init; }

    /// <summary>The hostname for the allocated machine (defaults to metal)</summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }

    /// <summary>The image id to assign this machine to</summary>
    [JsonPropertyName("imageid")]
    public required string ImageId { get; init; }

    /// <summary>The ips to attach to this machine additionally</summary>
    [JsonPropertyName("ips")]
    public IReadOnlyList<string>? Ips { get; init; }

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The networks that this machine will be placed in.</summary>
    [JsonPropertyName("networks")]
    public IReadOnlyList<MachineAllocationNetwork>? Networks { get; init; }

    /// <summary>The ntp servers used for the machine</summary>
    [JsonPropertyName("ntp_servers")]
    public IReadOnlyList<NTPServer>? NtpServers { get; init; }

    /// <summary>The partition id to assign this machine to</summary>
    [JsonPropertyName("partitionid")]
    public required string PartitionId { get; init; }

    /// <summary>By default machines are spread across the racks inside a partition for every project. if placement tags are provided, the machine candidate has an additional anti-affinity to other machines having the same tags</summary>
    [JsonPropertyName("placement_tags")]
    public IReadOnlyList<string>? PlacementTags { get; init; }

    /// <summary>The project id to assign this machine to</summary>
    [JsonPropertyName("projectid")]
    public required string ProjectId { get; init; }

    /// <summary>The size id to assign this machine to</summary>
    [JsonPropertyName("sizeid")]
    public required string SizeId { get; init; }

    /// <summary>The public ssh keys to access the machine with</summary>
    [JsonPropertyName("ssh_pub_keys")]
    public required IReadOnlyList<string> SshPubKeys { get; init; }

    /// <summary>Tags for this machine</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Cloud-init.io compatible userdata must be base64 encoded</summary>
    [JsonPropertyName("user_data")]
    public string? UserData { get; init; }

    /// <summary>If this field is set, this specific machine will be allocated if it is not in available state and not currently allocated. this field overrules size and partition</summary>
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }
}
