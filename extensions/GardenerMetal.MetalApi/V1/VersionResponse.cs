namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>rest.version</c>.</summary>
[MetalApiDefinition("rest.version")]
public sealed record VersionResponse
{
    /// <summary>The <c>builddate</c> field.</summary>
    [JsonPropertyName("builddate")]
    public string BuildDate { get; init; } = "";

    /// <summary>The <c>gitsha1</c> field.</summary>
    [JsonPropertyName("gitsha1")]
    public string GitSha1 { get; init; } = "";

    /// <summary>The <c>min_client_version</c> field.</summary>
    [JsonPropertyName("min_client_version")]
    public string MinClientVersion { get; init; } = "";

    /// <summary>The <c>name</c> field.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The <c>release_version</c> field.</summary>
    [JsonPropertyName("release_version")]
    public string? ReleaseVersion { get; init; }

    /// <summary>The <c>revision</c> field.</summary>
    [JsonPropertyName("revision")]
    public string Revision { get; init; } = "";

    /// <summary>The <c>version</c> field.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";
}
