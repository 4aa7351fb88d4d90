using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Errors;

namespace GardenerMetal.Kubernetes.Tests.Integration;

/// <summary>The untyped client against the real Gardener Infrastructure CRD from ../shared/reference.</summary>
public sealed class GardenerCrdIntegrationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly ResourceDescriptor Infrastructures = new("extensions.gardener.cloud", "v1alpha1", "infrastructures", "Infrastructure", Namespaced: true);

    private static string ReferencePath(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GardenerMetal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, "GardenerMetal.sln not found above " + AppContext.BaseDirectory);

        // ../shared beside the repository root; for a git worktree nested deeper, the first ancestor holding shared/reference.
        var up = dir.Parent;
        while (up is not null && !Directory.Exists(Path.Combine(up.FullName, "shared", "reference")))
        {
            up = up.Parent;
        }

        var path = Path.GetFullPath(Path.Combine((up ?? dir.Parent!).FullName, "shared", "reference", relative));
        Assert.True(File.Exists(path), $"Reference file {path} is missing.");
        return path;
    }

    [Fact]
    public async Task Infrastructure_CreateStatusPatchAndValidation_FollowTheGardenerCrd()
    {
        await fixture.Server.ApplyFileAsync(ReferencePath("gardener-crds/extensions.gardener.cloud_infrastructures.yaml")).WaitAsync(Timeout);
        var ns = await fixture.NewNamespaceAsync();
        var infras = fixture.Client.Resource(Infrastructures);

        var created = await infras.CreateAsync(new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "shoot", ["namespace"] = ns },
            ["spec"] = new JsonObject
            {
                ["type"] = "metal",
                ["region"] = "region-a",
                ["secretRef"] = new JsonObject { ["name"] = "cloudprovider", ["namespace"] = ns },
                ["providerConfig"] = new JsonObject { ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1", ["kind"] = "InfrastructureConfig", ["firewall"] = new JsonObject { ["size"] = "c1-xlarge-x86" } },
            },
        }).WaitAsync(Timeout);
        var patched = await infras.PatchStatusAsync(ns, "shoot", KubernetesPatch.Merge(new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["observedGeneration"] = 1,
                ["lastOperation"] = new JsonObject
                {
                    ["type"] = "Create", ["state"] = "Succeeded", ["progress"] = 100, ["description"] = "done", ["lastUpdateTime"] = "2024-05-01T10:00:00Z",
                },
            },
        })).WaitAsync(Timeout);
        var invalid = await Assert.ThrowsAsync<KubernetesInvalidException>(() => infras.CreateAsync(new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "broken", ["namespace"] = ns },
            ["spec"] = new JsonObject { ["type"] = "metal" },
        })).WaitAsync(Timeout);

        Assert.Equal("extensions.gardener.cloud/v1alpha1", created["apiVersion"]!.GetValue<string>());
        Assert.Equal("c1-xlarge-x86", created["spec"]!["providerConfig"]!["firewall"]!["size"]!.GetValue<string>());
        Assert.Equal("Succeeded", patched["status"]!["lastOperation"]!["state"]!.GetValue<string>());
        Assert.Equal(created["metadata"]!["generation"]!.GetValue<long>(), patched["metadata"]!["generation"]!.GetValue<long>());
        Assert.Contains(invalid.Causes, c => c.Field is "spec.region" or "spec.secretRef");
    }
}
