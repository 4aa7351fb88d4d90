using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Extensions.Tests.TestSupport;

/// <summary>Test objects.</summary>
internal static class Fixtures
{
    public const string Namespace = "shoot--dev--metal1";

    public static Infrastructure Infrastructure(string name = "infra", string type = "metal", string? operation = "reconcile")
    {
        var infra = new Infrastructure
        {
            ApiVersion = "extensions.gardener.cloud/v1alpha1",
            Kind = "Infrastructure",
            Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
            Spec = new InfrastructureSpec { Type = type, Region = "nbg", SecretRef = new SecretReference { Name = "cloudprovider", Namespace = Namespace } },
        };
        if (operation is not null)
        {
            infra.Metadata.Annotations = new Dictionary<string, string> { ["gardener.cloud/operation"] = operation };
        }

        return infra;
    }

    public static Cluster Cluster(string shootState = "Succeeded", Dictionary<string, string>? shootAnnotations = null, string name = Namespace)
    {
        var annotations = new JsonObject();
        foreach (var (k, v) in shootAnnotations ?? [])
        {
            annotations[k] = v;
        }

        var json = new JsonObject
        {
            ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["cloudProfile"] = new JsonObject { ["kind"] = "CloudProfile" },
                ["seed"] = new JsonObject { ["kind"] = "Seed" },
                ["shoot"] = new JsonObject
                {
                    ["kind"] = "Shoot",
                    ["metadata"] = new JsonObject { ["name"] = "metal1", ["uid"] = "u-1", ["annotations"] = annotations },
                    ["status"] = new JsonObject
                    {
                        ["lastOperation"] = new JsonObject
                        {
                            ["type"] = "Reconcile", ["state"] = shootState, ["progress"] = 100, ["description"] = "d", ["lastUpdateTime"] = "2025-01-01T00:00:00Z",
                        },
                    },
                },
            },
        }.ToJsonString();
        return JsonSerializer.Deserialize(json, ExtensionsJsonContext.Default.Cluster)!;
    }
}
