namespace GardenerMetal.MetalApi;

/// <summary>Convenience overloads of <see cref="IMetalApiClientFactory"/>.</summary>
public static class MetalApiClientFactoryExtensions
{
    /// <summary>
    /// The client for a credentials Secret's data (<c>metalAPIURL</c> plus exactly one of <c>metalAPIHMac</c> or
    /// <c>metalAPIKey</c>; see <see cref="MetalApiClientOptions.FromSecretData"/>).
    /// </summary>
    /// <exception cref="MetalApiConfigurationException">The data is incomplete or contradictory; the message names keys, never values.</exception>
    public static IMetalApiClient GetClient(this IMetalApiClientFactory factory, IReadOnlyDictionary<string, byte[]> secretData, string? hmacAuthType = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.GetClient(MetalApiClientOptions.FromSecretData(secretData, hmacAuthType));
    }
}
