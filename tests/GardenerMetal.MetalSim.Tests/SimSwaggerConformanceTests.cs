using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GardenerMetal.MetalSim.Tests;

/// <summary>Every simulator answer validates (with Python's jsonschema) against the official Swagger definitions.</summary>
public class SimSwaggerConformanceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private const string Project = "7a3e9c1e-5d2f-4f0b-9a61-2c8e4b6d1f00";

    private const string Validate = """
import json, sys, copy, jsonschema
spec = json.load(open(sys.argv[1]))
cases = json.load(open(sys.argv[2]))
defs = copy.deepcopy(spec["definitions"])
for d in defs.values():
    if "properties" in d and "additionalProperties" not in d:
        d["additionalProperties"] = False   # the simulator must not invent fields
errors = []
for c in cases:
    path = spec["paths"][c["path"]][c["method"].lower()]
    responses = path["responses"]
    schema = (responses.get(str(c["status"])) or responses["default"])["schema"]
    v = jsonschema.Draft4Validator(dict(schema, definitions=defs))
    for e in v.iter_errors(json.loads(c["body"])):
        errors.append("%s %s %s: %s at %s" % (c["method"], c["path"], c["status"], e.message[:200], list(e.absolute_path)))
print("\n".join(errors) if errors else "OK %d" % len(cases))
""";

    [Fact]
    public async Task Responses_EveryRoute_ValidAgainstSwaggerDefinitions()
    {
        // Arrange
        var clock = new SimulatedClock();
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { Clock = clock, ProvisioningStepDuration = TimeSpan.FromSeconds(1) }).WaitAsync(Bound);
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sim.BearerToken);
        var cases = new JsonArray();

        async Task<JsonNode?> Call(string method, string template, string path, object? body = null)
        {
            using var req = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
            if (body is not null)
            {
                req.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
            }

            using var resp = await http.SendAsync(req);
            var text = await resp.Content.ReadAsStringAsync();
            cases.Add(new JsonObject { ["method"] = method, ["path"] = template, ["status"] = (int)resp.StatusCode, ["body"] = text });
            return JsonNode.Parse(text);
        }

        // Act: drive every route, successes and errors.
        var net = await Call("POST", "/v1/network/allocate", "/v1/network/allocate", new { partitionid = "sim-fra-equ01", projectid = Project, name = "n", labels = new Dictionary<string, string> { ["a"] = "b" } }).WaitAsync(Bound);
        var netId = net!["id"]!.GetValue<string>();
        var machine = await Call("POST", "/v1/machine/allocate", "/v1/machine/allocate", new
        {
            partitionid = "sim-fra-equ01", projectid = Project, sizeid = "c1-medium-x86", imageid = "ubuntu-24.04", ssh_pub_keys = new[] { "k" },
            user_data = "I2Nsb3VkLWNvbmZpZw==", networks = new[] { new { networkid = netId, autoacquire = true }, new { networkid = "internet", autoacquire = true } },
            tags = new[] { "t" }, dns_servers = new[] { new { ip = "1.1.1.1" } }, ntp_servers = new[] { new { address = "pool.ntp.org" } },
        }).WaitAsync(Bound);
        var id = machine!["id"]!.GetValue<string>();
        clock.Advance(TimeSpan.FromSeconds(5));
        var fw = await Call("POST", "/v1/firewall/allocate", "/v1/firewall/allocate", new
        {
            partitionid = "sim-fra-equ01", projectid = Project, sizeid = "n1-medium-x86", imageid = "firewall-ubuntu-3.0", ssh_pub_keys = Array.Empty<string>(),
            networks = new[] { new { networkid = netId, autoacquire = true }, new { networkid = "internet", autoacquire = true } },
            firewall_rules = new { egress = new[] { new { comment = "dns", ports = new[] { 53 }, protocol = "udp", to = new[] { "0.0.0.0/0" } } } },
        }).WaitAsync(Bound);
        var ip = await Call("POST", "/v1/ip/allocate", "/v1/ip/allocate", new { networkid = "internet", projectid = Project, type = "static", tags = new[] { "x=y" } }).WaitAsync(Bound);
        var addr = ip!["ipaddress"]!.GetValue<string>();
        await Call("POST", "/v1/ip", "/v1/ip", new { ipaddress = addr, type = "static", tags = new[] { "x=z" } }).WaitAsync(Bound);
        await Call("POST", "/v1/ip/find", "/v1/ip/find", new { tags = new[] { "x=z" } }).WaitAsync(Bound);
        await Call("GET", "/v1/ip/{id}", "/v1/ip/" + addr).WaitAsync(Bound);
        await Call("GET", "/v1/ip", "/v1/ip").WaitAsync(Bound);
        await Call("POST", "/v1/machine/find", "/v1/machine/find", new { tags = new[] { "t" } }).WaitAsync(Bound);
        await Call("GET", "/v1/machine/{id}", "/v1/machine/" + id).WaitAsync(Bound);
        await Call("GET", "/v1/machine", "/v1/machine").WaitAsync(Bound);
        await Call("POST", "/v1/firewall/find", "/v1/firewall/find", new { }).WaitAsync(Bound);
        await Call("GET", "/v1/firewall/{id}", "/v1/firewall/" + fw!["id"]!.GetValue<string>()).WaitAsync(Bound);
        await Call("GET", "/v1/firewall", "/v1/firewall").WaitAsync(Bound);
        await Call("POST", "/v1/network/find", "/v1/network/find", new { labels = new Dictionary<string, string> { ["a"] = "b" } }).WaitAsync(Bound);
        await Call("GET", "/v1/network/{id}", "/v1/network/tenant-super-network-sim-fra-equ01").WaitAsync(Bound);
        await Call("GET", "/v1/network", "/v1/network").WaitAsync(Bound);
        await Call("DELETE", "/v1/network/free/{id}", "/v1/network/free/" + netId).WaitAsync(Bound);
        await Call("DELETE", "/v1/machine/{id}/free", $"/v1/machine/{id}/free").WaitAsync(Bound);
        await Call("DELETE", "/v1/machine/{id}/free", $"/v1/machine/{fw["id"]!.GetValue<string>()}/free").WaitAsync(Bound);
        await Call("DELETE", "/v1/ip/free/{id}", "/v1/ip/free/" + addr).WaitAsync(Bound);
        await Call("DELETE", "/v1/network/free/{id}", "/v1/network/free/" + netId).WaitAsync(Bound);
        await Call("GET", "/v1/image", "/v1/image").WaitAsync(Bound);
        await Call("POST", "/v1/image/find", "/v1/image/find", new { features = new[] { "machine" } }).WaitAsync(Bound);
        await Call("GET", "/v1/image/{id}", "/v1/image/debian-12").WaitAsync(Bound);
        await Call("GET", "/v1/size", "/v1/size").WaitAsync(Bound);
        await Call("GET", "/v1/size/{id}", "/v1/size/c1-large-x86").WaitAsync(Bound);
        await Call("GET", "/v1/partition", "/v1/partition").WaitAsync(Bound);
        await Call("GET", "/v1/partition/{id}", "/v1/partition/sim-fra-equ01").WaitAsync(Bound);
        await Call("GET", "/v1/project", "/v1/project").WaitAsync(Bound);
        await Call("POST", "/v1/project/find", "/v1/project/find", new { }).WaitAsync(Bound);
        await Call("GET", "/v1/project/{id}", "/v1/project/" + Project).WaitAsync(Bound);
        await Call("GET", "/v1/version", "/v1/version").WaitAsync(Bound);
        await Call("GET", "/v1/health", "/v1/health").WaitAsync(Bound);
        await Call("GET", "/v1/machine/{id}", "/v1/machine/missing").WaitAsync(Bound);
        await Call("POST", "/v1/machine/allocate", "/v1/machine/allocate", "{not json").WaitAsync(Bound);
        var file = Path.Combine(Path.GetTempPath(), $"metal-sim-cases-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, cases.ToJsonString()).WaitAsync(Bound);

        try
        {
            var output = await Python.RunAsync(Validate, RepoPaths.Swagger, file).WaitAsync(Bound);

            // Assert
            Assert.Equal($"OK {cases.Count}", output.Trim());
            Assert.Contains(cases, c => c!["status"]!.GetValue<int>() == 409);
            Assert.Contains(cases, c => c!["status"]!.GetValue<int>() == 404);
            Assert.Contains(cases, c => c!["status"]!.GetValue<int>() == 400);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
