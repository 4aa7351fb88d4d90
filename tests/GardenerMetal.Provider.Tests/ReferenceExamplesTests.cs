using System.Text.Json;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Validation;
using YamlDotNet.RepresentationModel;

namespace GardenerMetal.Provider.Tests;

/// <summary>Decodes the upstream example manifests from ../shared/reference.</summary>
public class ReferenceExamplesTests
{
    private static string ReferenceDir()
    {
        // The repository root holds GardenerMetal.sln; the reference lives in ../shared (from a
        // worktree it may be further up), so walk up from the root until shared/reference appears.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GardenerMetal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        for (var up = dir; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", "reference", "examples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("../shared/reference/examples not found above " + dir.FullName);
        return string.Empty;
    }

    private static IEnumerable<JsonElement> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(ReferenceDir(), file));
        stream.Load(reader);
        return stream.Documents.Select(d => JsonDocument.Parse(YamlJson.ToJson(d.RootNode)).RootElement);
    }

    [Fact]
    public void Decode_StaleInfrastructureExample_RejectsFirewallPartition()
    {
        // provider-metal.md §7: the example still has firewall.partition, which strict decoding must reject.
        var infra = Documents("provider-metal/30-infrastructure.yaml").Single(d => d.GetProperty("kind").GetString() == "Infrastructure");

        var result = ProviderConfigDecoder.DecodeInfrastructureConfig(infra.GetProperty("spec").GetProperty("providerConfig"), FieldPath.Root("spec", "providerConfig"));

        Assert.Null(result.Value);
        Assert.Equal("spec.providerConfig.firewall.partition", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Decode_ControlPlaneExample_Accepted()
    {
        var controlPlane = Documents("provider-metal/30-controlplane.yaml").Single(d => d.GetProperty("kind").GetString() == "ControlPlane");

        var result = ProviderConfigDecoder.DecodeControlPlaneConfig(controlPlane.GetProperty("spec").GetProperty("providerConfig"), FieldPath.Root("spec", "providerConfig"));

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors));
        Assert.True(result.Value!.CloudControllerManager!.FeatureGates!["CustomResourceValidation"]);
    }

    [Fact]
    public void Decode_GardenerShootExample_ReadsCoreFieldsTolerantly()
    {
        var shoot = Documents("gardener/90-shoot.yaml").Single().Deserialize(GardenerMetal.Provider.Apis.Core.CoreJsonContext.Default.Shoot)!;

        Assert.Equal(("crazy-botany", "cloudprofile1", "100.96.0.0/11"), (shoot.Metadata.Name, shoot.Spec.EffectiveCloudProfileName, shoot.Spec.Networking?.Pods));
        Assert.Equal("cpu-worker", Assert.Single(shoot.Spec.Provider.Workers!).Name);
    }
}
