using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.OsConfig.Hosting;
using GardenerMetal.Provider.Hosting;
using k8s;

namespace GardenerMetal.Charts.Tests;

/// <summary>helm lint and helm template of every chart: strict decoding of every object, schema, and args the binaries accept.</summary>
public sealed class ChartRenderTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Provider = "gardener-extension-provider-metal";
    private const string OsMetal = "gardener-extension-os-metal";
    private const string Runtime = "gardener-extension-admission-metal/charts/runtime";

    /// <summary>The flags gardener-extension-admission-metal's Program.cs reads (it takes any --key=value, so the list is the contract).</summary>
    private static readonly HashSet<string> AdmissionFlags = ["tls-cert-file", "tls-key-file", "bind-address", "port", "kubeconfig", "max-request-bytes"];

    private string Home => fixture.Home;

    [Theory]
    [MemberData(nameof(ChartCases.All), MemberType = typeof(ChartCases))]
    public async Task Lint_DefaultAndInjectedValues_PassStrict(string chart, string values)
    {
        var defaults = await Tools.HelmAsync(Home, null, "lint", "--strict", Tools.ChartPath(chart));
        var injected = await Tools.HelmAsync(Home, null, "lint", "--strict", Tools.ChartPath(chart), "-f", Tools.TestData(values));

        Assert.True(defaults.ExitCode == 0, defaults.Stdout + defaults.Stderr);
        Assert.True(injected.ExitCode == 0, injected.Stdout + injected.Stderr);
    }

    [Theory]
    [MemberData(nameof(ChartCases.All), MemberType = typeof(ChartCases))]
    public async Task Template_EveryObject_DecodesStrictlyAndPassesServerStrictValidation(string chart, string values)
    {
        var yaml = await Tools.TemplateAsync(Home, chart, "-f", Tools.TestData(values));
        var objects = Manifest.Parse(yaml);
        Assert.NotEmpty(objects);

        // KubernetesClient's models, strict: an unknown field or a wrong type throws (JSON is YAML; VPAs are no model of it).
        var builtins = objects.Where(o => (string?)o["apiVersion"] != "autoscaling.k8s.io/v1").ToList();
        var typed = KubernetesYaml.LoadAllFromString(string.Join("\n---\n", builtins.Select(b => b.ToJsonString())), new Dictionary<string, Type>(), strict: true);
        Assert.Equal(builtins.Count, typed.Count);

        // The API server (the emulator, as strict as kube-apiserver: built-ins and the VPA/ServiceMonitor CRDs) with fieldValidation=Strict.
        await Tools.KubectlAsync(Home, fixture.Kubeconfig, null, "create", "namespace", "garden-ext");
        var dryRun = await Tools.KubectlAsync(Home, fixture.Kubeconfig, yaml, "create", "--dry-run=server", "--validate=strict", "-n", "garden-ext", "-f", "-");
        Assert.True(dryRun.ExitCode == 0, dryRun.Stderr);
        Assert.Equal(objects.Count, dryRun.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [MemberData(nameof(ChartCases.All), MemberType = typeof(ChartCases))]
    public async Task Template_UnknownValue_IsRejectedBySchema(string chart, string values)
    {
        var (code, _, stderr) = await Tools.HelmAsync(Home, null, "template", "rel", Tools.ChartPath(chart), "-f", Tools.TestData(values), "--set", "notAValue=1");

        Assert.NotEqual(0, code);
        Assert.Contains("Additional property notAValue is not allowed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderMetal_DeploymentArgs_AreAcceptedByTheHostAndMatchTheLeaseRbac()
    {
        var objects = Manifest.Parse(await Tools.TemplateAsync(Home, Provider, "-f", Tools.TestData("gardener-values.yaml")));

        var deployments = Manifest.OfKind(objects, "Deployment").ToList();
        var leases = new List<string> { HeartbeatLease.LeaseName };
        foreach (var deployment in deployments)
        {
            var options = ControllerHostOptions.Parse(Manifest.Args(deployment), ProviderMetalProgram.Controllers);
            var controller = Assert.Single(options.Controllers);
            Assert.EndsWith("-" + controller, Manifest.Name(deployment), StringComparison.Ordinal);
            leases.Add(options.LeaderElectionId + "-" + controller);
        }

        Assert.Equal(["gardener-extension-provider-metal-infrastructure", "gardener-extension-provider-metal-worker"], deployments.Select(Manifest.Name).Order());
        Assert.Equal(leases.Order(), LeaseNames(objects).Order());
    }

    [Fact]
    public async Task ProviderMetal_ConcurrentSyncs_ArePerController()
    {
        var objects = Manifest.Parse(await Tools.TemplateAsync(Home, Provider, "--set", "controllers.worker.concurrentSyncs=9"));

        var worker = Manifest.OfKind(objects, "Deployment").Single(d => Manifest.Name(d).EndsWith("-worker", StringComparison.Ordinal));
        var infrastructure = Manifest.OfKind(objects, "Deployment").Single(d => Manifest.Name(d).EndsWith("-infrastructure", StringComparison.Ordinal));
        Assert.Equal(9, ControllerHostOptions.Parse(Manifest.Args(worker), ProviderMetalProgram.Controllers).MaxConcurrentReconciles);
        Assert.Equal(5, ControllerHostOptions.Parse(Manifest.Args(infrastructure), ProviderMetalProgram.Controllers).MaxConcurrentReconciles);
    }

    [Fact]
    public async Task ProviderMetal_DisabledController_HasNoDeploymentAndNoLease()
    {
        var objects = Manifest.Parse(await Tools.TemplateAsync(Home, Provider, "--set", "disableControllers={worker}"));

        Assert.Equal(["gardener-extension-provider-metal-infrastructure"], Manifest.OfKind(objects, "Deployment").Select(Manifest.Name));
        Assert.DoesNotContain("provider-metal-worker", LeaseNames(objects));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 2)]
    public async Task ProviderMetal_Replicas_AddOnePdbPerControllerOnlyAboveOne(int replicas, int pdbs)
    {
        var objects = Manifest.Parse(await Tools.TemplateAsync(Home, Provider, "--set", $"replicaCount={replicas}"));

        var budgets = Manifest.OfKind(objects, "PodDisruptionBudget").ToList();
        Assert.Equal(pdbs, budgets.Count);
        Assert.All(budgets, b => Assert.Equal("AlwaysAllow", (string?)b["spec"]!["unhealthyPodEvictionPolicy"]));
    }

    [Fact]
    public async Task ProviderMetal_ImageVectorOverwrite_AddsConfigMapMountedIntoEachDeployment()
    {
        var objects = Manifest.Parse(await Tools.TemplateAsync(Home, Provider, "--set", "imageVectorOverwrite=images: []"));

        var overwrite = Assert.Single(Manifest.OfKind(objects, "ConfigMap"), c => Manifest.Name(c).EndsWith("-imagevector-overwrite", StringComparison.Ordinal));
        Assert.Equal("images: []\n", (string?)overwrite["data"]!["images_overwrite.yaml"]);
        Assert.All(Manifest.OfKind(objects, "Deployment"), d => Assert.Contains(
            d["spec"]!["template"]!["spec"]!["volumes"]!.AsArray(),
            v => (string?)v!["configMap"]?["name"] == Manifest.Name(overwrite)));
    }

    [Theory]
    [InlineData(Provider, "gardener-system-900")]
    [InlineData(OsMetal, "gardener-system-900")]
    [InlineData(Runtime, "gardener-garden-system-400")]
    public async Task Deployments_CarryGardenerConventions(string chart, string priorityClass)
    {
        var values = chart == Runtime ? "runtime-values.yaml" : "gardener-values.yaml";
        var objects = Manifest.Parse(await Tools.TemplateAsync(Home, chart, "-f", Tools.TestData(values)));

        Assert.All(Manifest.OfKind(objects, "Deployment"), d =>
        {
            var pod = d["spec"]!["template"]!;
            Assert.Equal(priorityClass, (string?)pod["spec"]!["priorityClassName"]);
            Assert.Equal("allowed", (string?)pod["metadata"]!["labels"]!["networking.gardener.cloud/to-runtime-apiserver"]);
            Assert.Equal("allowed", (string?)pod["metadata"]!["labels"]!["networking.gardener.cloud/to-dns"]);
        });
        Assert.All(Manifest.OfKind(objects, "VerticalPodAutoscaler"), v =>
            Assert.Equal("RequestsOnly", (string?)v["spec"]!["resourcePolicy"]!["containerPolicies"]![0]!["controlledValues"]));
    }

    [Fact]
    public async Task OsMetal_DeploymentArgs_AreAcceptedByTheHostAndMatchTheLeaseRbac()
    {
        var objects = Manifest.Parse(await Tools.TemplateAsync(Home, OsMetal, "-f", Tools.TestData("gardener-values.yaml"), "--set", "oscTypes={metal,flatcar}"));

        var deployment = Assert.Single(Manifest.OfKind(objects, "Deployment"));
        var (options, types) = OsMetalProgram.ParseArguments(Manifest.Args(deployment));
        Assert.Equal(["metal", "flatcar"], types);
        var controller = Assert.Single(options.Controllers);
        Assert.Equal([HeartbeatLease.LeaseName, options.LeaderElectionId + "-" + controller], LeaseNames(objects).Order());
    }

    [Fact]
    public async Task AdmissionRuntime_DeploymentArgs_AreFlagsTheBinaryReads()
    {
        var objects = Manifest.Parse(await Tools.TemplateAsync(Home, Runtime, "-f", Tools.TestData("runtime-values.yaml"), "--set", "kubeconfig=apiVersion: v1"));

        var deployment = Assert.Single(Manifest.OfKind(objects, "Deployment"));
        var flags = Manifest.Args(deployment).Select(a => a.TrimStart('-').Split('=')[0]).ToList();
        Assert.All(flags, f => Assert.Contains(f, AdmissionFlags));
        Assert.Contains("kubeconfig", flags);
        var env = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Contains(env, e => (string?)e!["name"] == "DEFAULTER_MAXPODS" && (string?)e["value"] == "250");
    }

    [Fact]
    public async Task AdmissionRuntime_WithoutCertificate_FailsNamingTheValue()
    {
        var (code, _, stderr) = await Tools.HelmAsync(Home, null, "template", "rel", Tools.ChartPath(Runtime));

        Assert.NotEqual(0, code);
        Assert.Contains("webhookConfig.tls.crt is required", stderr, StringComparison.Ordinal);
    }

    private static List<string> LeaseNames(List<JsonObject> objects) =>
        [.. Manifest.OfKind(objects, "Role")
            .SelectMany(r => r["rules"]!.AsArray())
            .Where(rule => rule!["resources"]!.AsArray().Any(x => (string?)x == "leases") && rule["resourceNames"] is not null)
            .SelectMany(rule => rule!["resourceNames"]!.AsArray().Select(n => (string)n!))];
}
