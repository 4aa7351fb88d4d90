using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>python3-kubernetes (a second real client) lists and watches Infrastructures.</summary>
public sealed class PythonClientTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Python_ListAndWatch_SeesExistingAndNewInfrastructures()
    {
        await fixture.Server.ApplyFileAsync(RepoPaths.Reference("gardener-crds", "extensions.gardener.cloud_infrastructures.yaml")).WaitAsync(Api.Timeout);
        await fixture.Server.ApplyYamlAsync(Infra("first")).WaitAsync(Api.Timeout);
        var script = Path.Combine(AppContext.BaseDirectory, "scripts", "list_watch.py");
        var run = ProcessRunner.RunAsync("/usr/bin/python3", [script, "extensions.gardener.cloud", "v1alpha1", "py", "infrastructures", "20"], fixture, TimeSpan.FromSeconds(60));

        // Give the client time to list and start watching, then change things.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && fixture.Server.Service.Registry.All.First(t => t.Plural == "infrastructures") is var t
            && fixture.Server.Service.Registry.StoreFor(t).WatcherCount == 0)
        {
            await Task.Delay(100);
        }

        await fixture.Server.ApplyYamlAsync(Infra("second")).WaitAsync(Api.Timeout);
        var (code, _) = await Api.DeleteAsync(fixture.Http, "/apis/extensions.gardener.cloud/v1alpha1/namespaces/py/infrastructures/second");
        Assert.Equal(System.Net.HttpStatusCode.OK, code);

        var (exit, stdout, stderr) = await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonObject)JsonNode.Parse(l)!).ToList();
        Assert.Equal(["first"], lines[0]["list"]!.AsArray().Select(n => (string?)n));
        var events = lines.Skip(1).Select(l => $"{l["event"]} {l["name"]}").ToList();
        Assert.Equal(["ADDED second", "DELETED second"], events);
    }

    private static string Infra(string name) => $"""
        apiVersion: extensions.gardener.cloud/v1alpha1
        kind: Infrastructure
        metadata:
          name: {name}
          namespace: py
        spec:
          type: metal
          region: nbg
          secretRef:
            name: cloudprovider
            namespace: py
        """;
}
