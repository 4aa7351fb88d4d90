using GardenerMetal.MetalApi;

namespace GardenerMetal.Provider.IntegrationTests.Support;

/// <summary>Hands out the real (cached) clients wrapped by a decorator.</summary>
internal sealed class WrappingClientFactory(IMetalApiClientFactory inner, Func<IMetalApiClient, IMetalApiClient> wrap) : IMetalApiClientFactory
{
    public IMetalApiClient GetClient(MetalApiClientOptions options) => wrap(inner.GetClient(options));
}
