using System.Net;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Tests.Fakes;

namespace GardenerMetal.Kubernetes.Tests.Client;

public sealed class TokenSourceTests
{
    [Fact]
    public void GetToken_TokenFileRotated_IsReReadAfterTheRefreshInterval()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("token", "first\n");
        var time = new ManualTimeProvider();
        var source = new TokenSource(null, path, time);

        Assert.Equal("first", source.GetToken());
        File.WriteAllText(path, "second");
        Assert.Equal("first", source.GetToken());
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("second", source.GetToken());
    }

    [Fact]
    public async Task Client_TokenFile_SendsItsContentAsBearerToken()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("token", "from-file\n");
        var handler = new FakeHttpHandler((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"metadata":{"name":"default"}}"""));
        using var client = new KubernetesClient(new KubernetesClientConfiguration { Server = new Uri("https://a"), TokenFile = path }, handler, disposeHandler: true);

        await client.Namespaces.GetAsync(null, "default").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Bearer from-file", Assert.Single(handler.Requests).Authorization);
    }
}
