using System.Text.Json;
using GardenerMetal.Admission.Sources;
using GardenerMetal.Provider.Apis.Core;

namespace GardenerMetal.Admission.Benchmarks;

/// <summary>The sample CloudProfile in memory (the cache in front of the garden API makes this the steady state).</summary>
internal sealed class StaticSources(CloudProfile profile) : ICloudProfileSource, ISecretSource
{
    public static StaticSources Load(string file) => new(JsonSerializer.Deserialize(File.ReadAllText(file), CoreJsonContext.Default.CloudProfile)!);

    public Task<CloudProfile?> GetCloudProfileAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(name == profile.Metadata.Name ? profile : null);

    public Task<Secret?> GetSecretAsync(string secretNamespace, string name, CancellationToken cancellationToken) => Task.FromResult<Secret?>(null);
}
