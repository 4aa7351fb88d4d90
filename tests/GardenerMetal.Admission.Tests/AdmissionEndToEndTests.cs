using System.Text.Json.Nodes;

namespace GardenerMetal.Admission.Tests;

/// <summary>
/// End to end: real kubectl → Kubernetes API emulator (garden, test Shoot CRD) → webhook over TLS
/// through the Validating/MutatingWebhookConfiguration; the webhook reads the CloudProfile back from the emulator.
/// </summary>
public sealed class AdmissionEndToEndTests(EmulatorGarden garden) : IClassFixture<EmulatorGarden>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private string WriteShoot(string name, string partition)
    {
        var path = Path.Combine(garden.Directory, name + "-" + partition + ".yaml");
        File.WriteAllText(path, File.ReadAllText(EmulatorGarden.TestData("shoot-valid.yaml")).Replace("SHOOT_NAME", name, StringComparison.Ordinal).Replace("PARTITION", partition, StringComparison.Ordinal));
        return path;
    }

    private Task<KubectlResult> KubectlAsync(params string[] args) => Kubectl.RunAsync(garden.Kubeconfig, args).WaitAsync(Timeout);

    [Theory]
    [InlineData("shoot-invalid.yaml", "broken", new[]
    {
        "metadata.annotations[cluster.metal-stack.io/tenant]: Required value",
        "spec.provider.infrastructureConfig.partitionID: Invalid value: \"ams1\"",
        "spec.networking.pods: Invalid value: \"10.250.128.0/17\"",
        "spec.networking.services: Invalid value: \"10.248.0.0/33\"",
    })]
    [InlineData("shoot-unknown-field.yaml", "typo", new[] { "spec.provider.infrastructureConfig.firewall.sizee: Unsupported value: \"sizee\"" })]
    public async Task KubectlApply_InvalidShoot_PrintsEveryFieldErrorAndStoresNothing(string file, string name, string[] expected)
    {
        var result = await KubectlAsync("apply", "-f", EmulatorGarden.TestData(file));

        Assert.NotEqual(0, result.ExitCode);
        foreach (var line in expected)
        {
            Assert.Contains(line, result.Stderr, StringComparison.Ordinal);
        }

        var get = await KubectlAsync("get", "shoot", "-n", "garden-dev", name);
        Assert.NotEqual(0, get.ExitCode);
        Assert.Contains("NotFound", get.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlApply_ValidShoot_IsAdmittedWithDefaults()
    {
        var apply = await KubectlAsync("apply", "-f", WriteShoot("defaults", "muc1"));
        Assert.True(apply.ExitCode == 0, apply.ToString());

        var get = await KubectlAsync("get", "shoot", "-n", "garden-dev", "defaults", "-o", "json");
        Assert.True(get.ExitCode == 0, get.ToString());
        var spec = JsonNode.Parse(get.Stdout)!["spec"]!;
        Assert.Equal("calico", (string?)spec["networking"]!["type"]);
        Assert.Equal("10.240.0.0/13", (string?)spec["networking"]!["pods"]);
        Assert.Equal("10.248.0.0/18", (string?)spec["networking"]!["services"]);
        Assert.Equal("10.250.0.0/16", (string?)spec["networking"]!["nodes"]);
        Assert.Equal(23, (int?)spec["kubernetes"]!["kubeControllerManager"]!["nodeCIDRMaskSize"]);
        Assert.Equal(250, (int?)spec["kubernetes"]!["kubelet"]!["maxPods"]);
        var firewall = spec["provider"]!["infrastructureConfig"]!["firewall"]!;
        Assert.Equal("firewall-ubuntu-3.0.20240101", (string?)firewall["image"]); // newest image of the CloudProfile read from the garden
        Assert.Equal("c1-xlarge-x86", (string?)firewall["size"]);                 // first firewall type of partition muc1
        Assert.Equal("internet-muc1", (string?)firewall["networks"]![0]);
    }

    [Fact]
    public async Task KubectlApply_ChangedPartition_IsDeniedAsImmutable()
    {
        var create = await KubectlAsync("apply", "-f", WriteShoot("moving", "muc1"));
        Assert.True(create.ExitCode == 0, create.ToString());

        var update = await KubectlAsync("apply", "-f", WriteShoot("moving", "muc2"));

        Assert.NotEqual(0, update.ExitCode);
        Assert.Contains("spec.provider.infrastructureConfig.partitionID: Invalid value: \"muc2\": field is immutable", update.Stderr, StringComparison.Ordinal);
        var get = await KubectlAsync("get", "shoot", "-n", "garden-dev", "moving", "-o", "jsonpath={.spec.provider.infrastructureConfig.partitionID}");
        Assert.Equal("muc1", get.Stdout);
    }
}
