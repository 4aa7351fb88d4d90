using GardenerMetal.MetalApi;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>Hands out metal-api clients per endpoint and credentials (shared across reconciles; the factory owns them).</summary>
public interface IMetalApiClientFactory
{
    /// <summary>A client for the options' base address and credentials.</summary>
    IMetalApiClient GetClient(MetalApiClientOptions options, string credentialsFingerprint);
}
