using System.Collections.Concurrent;
using GardenerMetal.Provider.Apis.Core;

namespace GardenerMetal.Admission.Sources;

/// <summary>Keeps each CloudProfile for a short time so a burst of reviews costs one garden API read.</summary>
internal sealed class CachingCloudProfileSource(ICloudProfileSource inner, TimeSpan ttl, TimeProvider time) : ICloudProfileSource
{
    private readonly ConcurrentDictionary<string, (CloudProfile? Profile, long At)> _cache = new(StringComparer.Ordinal);

    public async Task<CloudProfile?> GetCloudProfileAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_cache.TryGetValue(name, out var entry) && entry.Profile is not null && time.GetElapsedTime(entry.At, now) < ttl)
        {
            return entry.Profile;
        }

        var profile = await inner.GetCloudProfileAsync(name, cancellationToken);
        _cache[name] = (profile, now);
        return profile;
    }
}
