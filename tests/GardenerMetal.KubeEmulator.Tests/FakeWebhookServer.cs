using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>A real HTTPS admission webhook (own CA) with /mutate, /deny, /deny-invalid and /slow endpoints, recording what it received.</summary>
public sealed class FakeWebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CertificateAuthority _ca;

    private FakeWebhookServer(WebApplication app, CertificateAuthority ca, Uri baseAddress)
    {
        _app = app;
        _ca = ca;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string CaBundle => Convert.ToBase64String(Encoding.UTF8.GetBytes(_ca.CaPem));

    public List<JsonObject> Reviews { get; } = [];

    internal static async Task<FakeWebhookServer> StartAsync()
    {
        var ca = CertificateAuthority.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(ca.Serving)));
        var app = builder.Build();
        FakeWebhookServer? self = null;
        app.Run(async ctx =>
        {
            var review = (JsonObject)(await JsonNode.ParseAsync(ctx.Request.Body))!;
            lock (self!.Reviews)
            {
                self.Reviews.Add(review);
            }

            var uid = review["request"]!["uid"]!.ToString();
            var response = new JsonObject { ["uid"] = uid, ["allowed"] = true };
            switch (ctx.Request.Path.Value)
            {
                case "/mutate":
                    var patch = """[{"op":"add","path":"/metadata/labels","value":{"mutated":"yes"}}]""";
                    response["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(patch));
                    response["patchType"] = "JSONPatch";
                    break;
                case "/deny":
                    response["allowed"] = false;
                    response["status"] = new JsonObject { ["code"] = 403, ["reason"] = "Forbidden", ["message"] = "no thanks" };
                    break;
                case "/deny-invalid":
                    // What a Gardener validator answers: an Invalid Status naming the object and the fields.
                    response["allowed"] = false;
                    response["status"] = JsonNode.Parse("""
                        {"status":"Failure","code":422,"reason":"Invalid",
                         "message":"Shoot.core.gardener.cloud \"x\" is invalid: [spec.region: Required value, spec.provider.type: Unsupported value: \"aws\"]",
                         "details":{"name":"x","group":"core.gardener.cloud","kind":"Shoot","causes":[
                           {"reason":"FieldValueRequired","message":"Required value","field":"spec.region"},
                           {"reason":"FieldValueNotSupported","message":"Unsupported value: \"aws\"","field":"spec.provider.type"}]}}
                        """);
                    break;
                case "/slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted);
                    break;
            }

            var body = new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(body.ToJsonString());
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        self = new FakeWebhookServer(app, ca, new Uri($"https://127.0.0.1:{address.Port}/"));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ca.Dispose();
    }
}
