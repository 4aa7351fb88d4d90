namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.PartitionResponse</c>.</summary>
[MetalApiDefinition("v1.PartitionResponse")]
public sealed record PartitionResponse
{
    /// <summary>The boot configuration of this partition</summary>
    [JsonPropertyName("bootconfig")]
    public PartitionBootConfiguration? BootConfig { get; init; }

    /// <summary>The last changed timestamp of this entity</summary>
    [JsonPropertyName("changed")]
    public DateTimeOffset? Changed { get; init; }

    /// <summary>The creation time of this entity</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The dns servers for this partition</summary>
    [JsonPropertyName("dns_servers")]
    public IReadOnlyList<DNSServer>? DnsServers { get; init; }

    /// <summary>The unique ID of this entity</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Free labels that you associate with this partition</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The address to the management service of this partition</summary>
    [JsonPropertyName("mgmtserviceaddress")]
    public string? MgmtServiceAddress { get; init; }

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The ntp servers for this partition</summary>
    [JsonPropertyName("ntp_servers")]
    public IReadOnlyList<NTPServer>? NtpServers { get; init; }
}
