using System.Text.Json;
using GardenerMetal.Admission.Sources;
using GardenerMetal.Provider.Apis.Core;

namespace GardenerMetal.Admission.Tests;

/// <summary>In-memory garden: CloudProfiles and Secrets; can be told to fail.</summary>
internal sealed class FakeSources : ICloudProfileSource, ISecretSource
{
    public Dictionary<string, CloudProfile> CloudProfiles { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string, string), Secret> Secrets { get; } = [];

    public bool Fail { get; set; }

    public static FakeSources WithFixtures()
    {
        var sources = new FakeSources();
        var profile = JsonSerializer.Deserialize(File.ReadAllText(Fixture("cloudprofile.json")), CoreJsonContext.Default.CloudProfile)!;
        sources.CloudProfiles[profile.Metadata.Name!] = profile;
        sources.Secrets[("garden-dev", "metal-hmac")] = new Secret { Data = new Dictionary<string, string> { ["metalAPIHMac"] = Convert.ToBase64String("hmac"u8.ToArray()) } };
        sources.Secrets[("garden-dev", "metal-both")] = new Secret
        {
            Data = new Dictionary<string, string> { ["metalAPIHMac"] = Convert.ToBase64String("hmac"u8.ToArray()), ["metalAPIKey"] = Convert.ToBase64String("key"u8.ToArray()) },
        };
        sources.Secrets[("garden-dev", "metal-empty")] = new Secret { Data = new Dictionary<string, string> { ["foo"] = Convert.ToBase64String("bar"u8.ToArray()) } };
        return sources;
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public Task<CloudProfile?> GetCloudProfileAsync(string name, CancellationToken cancellationToken) =>
        Fail ? throw new HttpRequestException("garden API down") : Task.FromResult(CloudProfiles.GetValueOrDefault(name));

    public Task<Secret?> GetSecretAsync(string secretNamespace, string name, CancellationToken cancellationToken) =>
        Fail ? throw new HttpRequestException("garden API down") : Task.FromResult(Secrets.GetValueOrDefault((secretNamespace, name)));
}
