using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Tests.TestSupport;

namespace GardenerMetal.Extensions.Tests.Apis;

public sealed class ExtensionResourceJsonTests
{
    private static readonly ExtensionsJsonContext Context = ExtensionsJsonContext.Default;

    public static TheoryData<string> ExampleManifests =>
    [
        "examples/provider-metal/30-infrastructure.yaml",
        "examples/provider-metal/30-controlplane.yaml",
        "examples/provider-metal/30-worker.yaml",
        "examples/os-metal/operatingsystemconfig.yaml",
    ];

    [Theory]
    [MemberData(nameof(ExampleManifests))]
    public void Serialize_UpstreamExampleManifest_RoundTripsEveryField(string relativePath)
    {
        // Arrange
        var documents = YamlJson.File(Path.Combine(RepoPaths.Reference, relativePath))
            .Where(d => (string?)d?["apiVersion"] == "extensions.gardener.cloud/v1alpha1")
            .ToList();
        Assert.NotEmpty(documents);

        foreach (var document in documents)
        {
            var original = JsonNode.Parse(document!.ToJsonString())!;

            // Act
            var written = RoundTrip((string)original["kind"]!, original.ToJsonString());

            // Assert
            Assert.True(JsonNode.DeepEquals(original, written), $"{relativePath} {original["kind"]}:\nexpected {original.ToJsonString()}\nactual   {written.ToJsonString()}");
        }
    }

    [Fact]
    public void Serialize_SampleCluster_RoundTripsEveryField()
    {
        // Arrange
        var original = JsonNode.Parse(YamlJson.File(Path.Combine(AppContext.BaseDirectory, "testdata", "cluster", "cluster.yaml"))[0]!.ToJsonString())!;

        // Act
        var written = RoundTrip("Cluster", original.ToJsonString());

        // Assert
        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Fact]
    public void Deserialize_WorkerExample_TypesPoolsAndKeepsStaleFields()
    {
        // Arrange
        var json = ExtensionJson("examples/provider-metal/30-worker.yaml", "Worker");

        // Act
        var worker = JsonSerializer.Deserialize(json, Context.Worker)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(worker, Context.Worker))!;

        // Assert
        var pool = Assert.Single(worker.Spec.Pools);
        Assert.Equal("cpu-worker", pool.Name);
        Assert.Equal("c1-xlarge-x86", pool.MachineType);
        Assert.Equal("19.04", pool.MachineImage!.Version);
        Assert.Equal(1, pool.MaxSurge!.IntValue);
        Assert.Equal(0, pool.MaxUnavailable!.IntValue);
        Assert.Equal(["nbg-w8101"], pool.Zones!);
        Assert.Equal("IyEvYmluL2Jhc2gKCmVjaG8gImhlbGxvIHdvcmxkIgo=", (string?)written["spec"]!["pools"]![0]!["userData"]);
    }

    [Fact]
    public void Deserialize_OperatingSystemConfigExample_TypesUnitsAndFiles()
    {
        // Arrange
        var json = ExtensionJson("examples/os-metal/operatingsystemconfig.yaml", "OperatingSystemConfig");

        // Act
        var osc = JsonSerializer.Deserialize(json, Context.OperatingSystemConfig)!;

        // Assert
        Assert.Equal(OperatingSystemConfigPurpose.Provision, osc.Spec.Purpose);
        Assert.Equal("metal", osc.Spec.Type);
        Assert.Equal(["docker.service", "docker-monitor.service"], osc.Spec.Units!.Select(u => u.Name));
        Assert.Equal("10-docker-opts.conf", osc.Spec.Units![0].DropIns![0].Name);
        Assert.True(osc.Spec.Units![1].Enable);
        Assert.Equal("start", osc.Spec.Units![1].Command);
        Assert.Equal(420, osc.Spec.Files![0].Permissions);
        Assert.Equal("", osc.Spec.Files![0].Content.Inline!.Encoding);
        Assert.Equal("Hello World\n", osc.Spec.Files![0].Content.Inline!.Data);
    }

    [Fact]
    public void Serialize_StatusChangedOnObjectWithUnknownStatusFields_KeepsUnknownFields()
    {
        // Arrange
        const string json = """
            {"apiVersion":"extensions.gardener.cloud/v1alpha1","kind":"Infrastructure",
             "metadata":{"name":"infra","namespace":"shoot--a--b","managedFields":[{"manager":"gardenlet"}]},
             "spec":{"type":"metal","region":"nbg","secretRef":{"name":"cloudprovider","namespace":"shoot--a--b"},"futureSpecField":{"x":1}},
             "status":{"futureStatusField":"kept","lastOperation":{"description":"x","lastUpdateTime":"2025-01-01T00:00:00Z","progress":1,"state":"Processing","type":"Create"}}}
            """;
        var infra = JsonSerializer.Deserialize(json, Context.Infrastructure)!;

        // Act
        infra.EnsureStatus().NodesCidr = "10.0.0.0/22";
        infra.Status!.LastOperation!.State = LastOperationState.Succeeded;
        infra.Status.LastOperation.Progress = 100;
        var written = JsonNode.Parse(JsonSerializer.Serialize(infra, Context.Infrastructure))!;

        // Assert
        Assert.Equal("kept", (string?)written["status"]!["futureStatusField"]);
        Assert.Equal(1, (int?)written["spec"]!["futureSpecField"]!["x"]);
        Assert.Equal("gardenlet", (string?)written["metadata"]!["managedFields"]![0]!["manager"]);
        Assert.Equal("10.0.0.0/22", (string?)written["status"]!["nodesCIDR"]);
        Assert.Equal("Succeeded", (string?)written["status"]!["lastOperation"]!["state"]);
        Assert.Equal("2025-01-01T00:00:00Z", (string?)written["status"]!["lastOperation"]!["lastUpdateTime"]);
    }

    [Fact]
    public void Serialize_InfrastructureStatus_UsesGardenerFieldNames()
    {
        // Arrange
        var status = new InfrastructureStatus
        {
            NodesCidr = "10.0.0.0/22",
            EgressCidrs = ["1.2.3.4/32"],
            Networking = new InfrastructureStatusNetworking { Nodes = ["10.0.0.0/22"], Pods = ["10.240.0.0/13"], Services = ["10.248.0.0/18"] },
            LastError = new LastError { Description = "boom", TaskId = "t1", Codes = [GardenerErrorCodes.InfraResourcesDepleted], LastUpdateTime = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) },
            ObservedGeneration = 4,
        };

        // Act
        var written = JsonNode.Parse(JsonSerializer.Serialize(status, Context.InfrastructureStatus))!;

        // Assert
        Assert.Equal("10.0.0.0/22", (string?)written["nodesCIDR"]);
        Assert.Equal("1.2.3.4/32", (string?)written["egressCIDRs"]![0]);
        Assert.Equal("10.248.0.0/18", (string?)written["networking"]!["services"]![0]);
        Assert.Equal("t1", (string?)written["lastError"]!["taskID"]);
        Assert.Equal("ERR_INFRA_RESOURCES_DEPLETED", (string?)written["lastError"]!["codes"]![0]);
        Assert.Equal("2025-01-02T03:04:05Z", (string?)written["lastError"]!["lastUpdateTime"]);
        Assert.Equal(4, (long?)written["observedGeneration"]);
        Assert.Null(written["providerStatus"]);
    }

    [Fact]
    public void Deserialize_OscStatusCloudConfig_ReadsSecretRefAndExtensionUnits()
    {
        // Arrange
        const string json = """
            {"spec":{"type":"metal","purpose":"reconcile"},
             "status":{"cloudConfig":{"secretRef":{"name":"osc-result-pool","namespace":"shoot--a--b"}},
                       "extensionUnits":[{"name":"a.service","enable":false}],
                       "extensionFiles":[{"path":"/etc/x","permissions":384,"content":{"secretRef":{"name":"s","dataKey":"k"},"transmitUnencoded":true}}]}}
            """;

        // Act
        var osc = JsonSerializer.Deserialize(json, Context.OperatingSystemConfig)!;

        // Assert
        Assert.Equal("osc-result-pool", osc.Status!.CloudConfig!.SecretRef.Name);
        Assert.False(osc.Status.ExtensionUnits![0].Enable);
        Assert.Equal("k", osc.Status.ExtensionFiles![0].Content.SecretRef!.DataKey);
        Assert.True(osc.Status.ExtensionFiles![0].Content.TransmitUnencoded);
    }

    [Theory]
    [InlineData("\"2025-03-01T10:00:00Z\"", "\"2025-03-01T10:00:00Z\"")]
    [InlineData("\"2025-03-01T12:00:00+02:00\"", "\"2025-03-01T10:00:00Z\"")]
    [InlineData("\"2025-03-01T10:00:00.123456Z\"", "\"2025-03-01T10:00:00.123456Z\"")]
    public void Serialize_Timestamp_WritesKubernetesRfc3339(string input, string expected)
    {
        // Arrange
        var json = "{\"description\":\"d\",\"lastUpdateTime\":" + input + ",\"progress\":1,\"state\":\"Error\",\"type\":\"Reconcile\"}";

        // Act
        var op = JsonSerializer.Deserialize(json, Context.LastOperation)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(op, Context.LastOperation))!;

        // Assert
        Assert.Equal(expected, written["lastUpdateTime"]!.ToJsonString());
    }

    [Fact]
    public void Deserialize_MalformedTimestamp_ThrowsNamingTheValue()
    {
        // Arrange
        const string json = """{"description":"d","lastUpdateTime":"yesterday","progress":1,"state":"Error","type":"Reconcile"}""";

        // Act
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.LastOperation));

        // Assert
        Assert.Contains("yesterday", ex.Message, StringComparison.Ordinal);
    }

    private static string ExtensionJson(string relativePath, string kind) =>
        YamlJson.File(Path.Combine(RepoPaths.Reference, relativePath)).Single(d => (string?)d?["kind"] == kind)!.ToJsonString();

    private static JsonNode RoundTrip(string kind, string json) => JsonNode.Parse(kind switch
    {
        "Cluster" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Context.Cluster), Context.Cluster),
        "Infrastructure" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Context.Infrastructure), Context.Infrastructure),
        "ControlPlane" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Context.ControlPlane), Context.ControlPlane),
        "Worker" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Context.Worker), Context.Worker),
        "OperatingSystemConfig" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Context.OperatingSystemConfig), Context.OperatingSystemConfig),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no typed model"),
    })!;
}
