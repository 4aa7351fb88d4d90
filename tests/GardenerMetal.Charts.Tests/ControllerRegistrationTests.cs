using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using GardenerMetal.Testing;

namespace GardenerMetal.Charts.Tests;

/// <summary>charts/controller-registration.yaml: current with the charts, installable, and registering what the controllers handle.</summary>
public sealed class ControllerRegistrationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static string RegistrationFile => Path.Combine(RepoLayout.Root, "charts", "controller-registration.yaml");

    [Fact]
    public async Task Generate_Rerun_GivesTheCommittedFile()
    {
        var output = Path.Combine(fixture.Home, "controller-registration.yaml");
        var (code, _, stderr) = await RunAsync("bash", Path.Combine(RepoLayout.Root, "hack", "tools", "generate-controller-registration.sh"), output);

        Assert.True(code == 0, stderr);
        Assert.True(
            await File.ReadAllTextAsync(RegistrationFile).WaitAsync(Tools.Timeout) == await File.ReadAllTextAsync(output).WaitAsync(Tools.Timeout),
            "charts/controller-registration.yaml is stale: run `make generate-controller-registration`");
    }

    [Theory]
    [InlineData("provider-metal", "gardener-extension-provider-metal")]
    [InlineData("os-metal", "gardener-extension-os-metal")]
    public void RawChart_HoldsExactlyTheChartDirectory(string deployment, string chart)
    {
        var files = Extract(RawChart(deployment));

        var chartDir = Tools.ChartPath(chart);
        var expected = Directory.EnumerateFiles(chartDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => chart + "/" + Path.GetRelativePath(chartDir, f).Replace('\\', '/'), File.ReadAllText);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.Equal(e.Value, files[e.Key]));
    }

    [Theory]
    [InlineData("provider-metal", 2)]
    [InlineData("os-metal", 1)]
    public async Task RawChart_RendersWithHelm(string deployment, int deployments)
    {
        var tgz = Path.Combine(fixture.Home, deployment + ".tgz");
        await File.WriteAllBytesAsync(tgz, RawChart(deployment)).WaitAsync(Tools.Timeout);

        var (code, stdout, stderr) = await Tools.HelmAsync(fixture.Home, null, "template", "x", tgz, "--set", "image.tag=9.9.9");

        Assert.True(code == 0, stderr);
        Assert.Equal(deployments, Manifest.OfKind(Manifest.Parse(stdout), "Deployment").Count());
    }

    [Fact]
    public void Registrations_ListTheKindsAndTypesTheControllersHandle()
    {
        var docs = Documents();
        var provider = Registration(docs, "provider-metal");
        var os = Registration(docs, "os-metal");

        Assert.Equal(["ControlPlane/metal", "Infrastructure/metal", "Worker/metal"], Resources(provider));
        var oscTypes = Manifest.Parse(File.ReadAllText(Path.Combine(Tools.ChartPath("gardener-extension-os-metal"), "values.yaml")))[0]["oscTypes"]!.AsArray().Select(t => "OperatingSystemConfig/" + t);
        Assert.Equal(oscTypes.Order(StringComparer.Ordinal), Resources(os));
        Assert.All(new[] { provider, os }, r => Assert.Equal("baseline", (string?)r["metadata"]!["annotations"]!["security.gardener.cloud/pod-security-enforce"]));
    }

    [Fact]
    public async Task ExtensionExample_PassesStrictValidationAgainstTheOperatorCrd()
    {
        await fixture.Server.ApplyFileAsync(RepoLayout.ReferencePath("gardener-operator-crds", "operator.gardener.cloud_extensions.yaml")).WaitAsync(Tools.Timeout);

        var (code, _, stderr) = await Tools.KubectlAsync(fixture.Home, fixture.Kubeconfig, null,
            "create", "--dry-run=server", "--validate=strict", "-f", Path.Combine(RepoLayout.Root, "charts", "examples", "extension-provider-metal.yaml"));

        Assert.True(code == 0, stderr);
    }

    private static List<JsonObject> Documents() => Manifest.Parse(File.ReadAllText(RegistrationFile));

    private static byte[] RawChart(string deployment) =>
        Convert.FromBase64String((string)Documents().Single(d => Manifest.Kind(d) == "ControllerDeployment" && Manifest.Name(d) == deployment)["helm"]!["rawChart"]!);

    private static JsonObject Registration(List<JsonObject> docs, string name) =>
        docs.Single(d => Manifest.Kind(d) == "ControllerRegistration" && Manifest.Name(d) == name);

    private static List<string> Resources(JsonObject registration) =>
        [.. registration["spec"]!["resources"]!.AsArray().Select(r => $"{r!["kind"]}/{r["type"]}").Order(StringComparer.Ordinal)];

    /// <summary>The files of an in-memory .tgz (read synchronously: nothing to wait for).</summary>
    private static Dictionary<string, string> Extract(byte[] tgz)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(tgz), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
            {
                using var text = new StreamReader(data);
                files[entry.Name] = text.ReadToEnd();
            }
        }

        return files;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoLayout.Root };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Tools.Timeout);
        return (process.ExitCode, await stdout, await stderr);
    }
}
