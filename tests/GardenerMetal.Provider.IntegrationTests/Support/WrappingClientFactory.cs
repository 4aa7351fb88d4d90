using GardenerMetal.MetalApi;
using GardenerMetal.Provider.Controllers.Infrastructure;

namespace GardenerMetal.Provider.IntegrationTests.Support;

/// <summary>Hands out the real (cached) clients wrapped by a decorator.</summary>
internal sealed class WrappingClientFactory(IMetalApiClientFactory inner, Func<IMetalApiClient, IMetalApiClient> wrap) : IMetalApiClientFactory
{
    public IMetalApiClient GetClient(MetalApiClientOptions options, string credentialsFingerprint) => wrap(inner.GetClient(options, credentialsFingerprint));
}
