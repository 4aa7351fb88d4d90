using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Shoot spec (read view).</summary>
public sealed class ShootSpec
{
    public string? Region { get; set; }
    public string? Purpose { get; set; }
    public string? CloudProfileName { get; set; }
    public ShootCloudProfileReference? CloudProfile { get; set; }
    public string? SeedName { get; set; }
    public string? SecretBindingName { get; set; }
    public string? CredentialsBindingName { get; set; }
    public ShootProvider Provider { get; set; } = new();
    public ShootNetworking? Networking { get; set; }

    /// <summary>spec.kubernetes, raw JSON.</summary>
    public JsonElement? Kubernetes { get; set; }

    /// <summary>spec.maintenance, raw JSON.</summary>
    public JsonElement? Maintenance { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
