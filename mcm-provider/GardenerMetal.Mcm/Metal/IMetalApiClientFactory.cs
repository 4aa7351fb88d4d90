using GardenerMetal.MetalApi;

namespace GardenerMetal.Mcm.Metal;

/// <summary>Gives the metal-api client for a MachineClass secret (metalAPIURL + metalAPIHMac or metalAPIKey).</summary>
public interface IMetalApiClientFactory
{
    /// <summary>The client for these credentials.</summary>
    /// <exception cref="MetalApiConfigurationException">The secret data is incomplete or contradictory; the message names keys, never values.</exception>
    IMetalApiClient ClientFor(IReadOnlyDictionary<string, byte[]> secretData);
}
