namespace GardenerMetal.Extensions.Apis;

/// <summary>Infrastructure spec: region, credentials secret and the SSH public key.</summary>
public sealed class InfrastructureSpec : DefaultSpec
{
    public string Region { get; set; } = "";
    public SecretReference SecretRef { get; set; } = new();

    /// <summary>The public SSH key (base64 in JSON).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Mirrors the Kubernetes []byte field, serialised as base64.")]
    public byte[]? SshPublicKey { get; set; }
}
