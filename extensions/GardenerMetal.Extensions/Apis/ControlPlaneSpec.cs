using System.Text.Json;

namespace GardenerMetal.Extensions.Apis;

/// <summary>ControlPlane spec.</summary>
public sealed class ControlPlaneSpec : DefaultSpec
{
    public string Region { get; set; } = "";
    public SecretReference SecretRef { get; set; } = new();

    /// <summary>The Infrastructure's providerStatus, raw JSON.</summary>
    public JsonElement? InfrastructureProviderStatus { get; set; }
}
