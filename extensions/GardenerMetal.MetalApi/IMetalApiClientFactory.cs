namespace GardenerMetal.MetalApi;

/// <summary>
/// Hands out metal-api clients per endpoint and credentials, shared across callers (the factory owns and disposes them).
/// For a credentials Secret's data use <see cref="MetalApiClientFactoryExtensions.GetClient(IMetalApiClientFactory, IReadOnlyDictionary{string, byte[]}, string?)"/>.
/// </summary>
public interface IMetalApiClientFactory
{
    /// <summary>The client for the options' base address and credentials (other settings of the first request win).</summary>
    IMetalApiClient GetClient(MetalApiClientOptions options);
}
