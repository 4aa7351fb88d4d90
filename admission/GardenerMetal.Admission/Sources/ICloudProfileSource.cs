using GardenerMetal.Provider.Apis.Core;

namespace GardenerMetal.Admission.Sources;

/// <summary>Reads CloudProfiles from the garden API.</summary>
public interface ICloudProfileSource
{
    /// <summary>The CloudProfile named <paramref name="name"/>, or null when it does not exist.</summary>
    Task<CloudProfile?> GetCloudProfileAsync(string name, CancellationToken cancellationToken);
}
