using System.Text.Json;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Worker spec: region, credentials and the worker pools.</summary>
public sealed class WorkerSpec : DefaultSpec
{
    public string Region { get; set; } = "";
    public SecretReference SecretRef { get; set; } = new();

    /// <summary>The Infrastructure's providerStatus, raw JSON.</summary>
    public JsonElement? InfrastructureProviderStatus { get; set; }

    public List<WorkerPool> Pools { get; set; } = [];

    /// <summary>The public SSH key (base64 in JSON).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Mirrors the Kubernetes []byte field, serialised as base64.")]
    public byte[]? SshPublicKey { get; set; }
}
