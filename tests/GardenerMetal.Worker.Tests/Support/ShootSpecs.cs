using System.Text.Json.Nodes;

namespace GardenerMetal.Worker.Tests.Support;

/// <summary>The objects of the test shoot: Cluster (Shoot + CloudProfile), Worker and its pools.</summary>
public static class ShootSpecs
{
    public const string Uid = "5e0c9a7b-2f41-4d8e-b6a3-91c0d2e4f6a8";
    public const string ImageName = "ubuntu";
    public const string ImageVersion = "24.04";
    public const string NewImageVersion = "24.10";

    public static string UserData(string pool) => "#cloud-config\n# provision user data of pool " + pool + "\nruncmd: [\"echo <<BOOTSTRAP_TOKEN>>\"]\n";

    /// <summary>A tainted infra pool, a plain autoscaled worker pool and a pool that picks its hosts by selector.</summary>
    public static JsonArray ThreePools() =>
    [
        Pool("infra", "c1-large-x86", 1, 1,
            providerConfig: WorkerConfig(new JsonObject { ["roles"] = new JsonArray("infra") }),
            labels: new JsonObject { ["team"] = "platform" },
            taints: new JsonArray(new JsonObject { ["key"] = "dedicated", ["value"] = "infra", ["effect"] = "NoExecute" })),
        Pool("worker", "c1-medium-x86", 2, 4, labels: new JsonObject { ["worker.gardener.cloud/pool"] = "worker" }),
        Pool("storage", "s2-xlarge-x86", 1, 3,
            providerConfig: WorkerConfig(new JsonObject
            {
                ["roles"] = new JsonArray("node"),
                ["hostSelector"] = new JsonObject
                {
                    ["matchLabels"] = new JsonObject { ["rack"] = "r01" },
                    ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = "disk", ["operator"] = "In", ["values"] = new JsonArray("nvme") }),
                },
            })),
    ];

    public static JsonObject WorkerConfig(JsonObject body)
    {
        var config = new JsonObject
        {
            ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
            ["kind"] = "WorkerConfig",
        };
        foreach (var (key, value) in body)
        {
            config[key] = value?.DeepClone();
        }

        return config;
    }

    public static JsonObject Pool(string name, string machineType, int minimum, int maximum, JsonObject? providerConfig = null, JsonObject? labels = null, JsonArray? taints = null, string version = ImageVersion)
    {
        var pool = new JsonObject
        {
            ["name"] = name,
            ["machineType"] = machineType,
            ["machineImage"] = new JsonObject { ["name"] = ImageName, ["version"] = version },
            ["minimum"] = minimum,
            ["maximum"] = maximum,
            ["maxSurge"] = 1,
            ["maxUnavailable"] = 0,
            ["userDataSecretRef"] = new JsonObject { ["name"] = "osc-result-" + name, ["key"] = "cloud_config" },
        };
        if (providerConfig is not null)
        {
            pool["providerConfig"] = providerConfig;
        }

        if (labels is not null)
        {
            pool["labels"] = labels;
        }

        if (taints is not null)
        {
            pool["taints"] = taints;
        }

        return pool;
    }

    public static JsonObject Worker(string ns, JsonArray pools, JsonObject? annotations) => new()
    {
        ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
        ["kind"] = "Worker",
        ["metadata"] = new JsonObject { ["name"] = WorkerTestBed.WorkerName, ["namespace"] = ns, ["annotations"] = annotations },
        ["spec"] = new JsonObject
        {
            ["type"] = "metal",
            ["region"] = WorkerTestBed.Region,
            ["secretRef"] = new JsonObject { ["name"] = "cloudprovider", ["namespace"] = ns },
            ["sshPublicKey"] = WorkerTestBed.B64(WorkerTestBed.SshKey),
            ["infrastructureProviderStatus"] = new JsonObject
            {
                ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
                ["kind"] = "InfrastructureStatus",
                ["firewall"] = new JsonObject { ["machineID"] = "fw-1" },
                ["networkID"] = WorkerTestBed.NetworkId,
            },
            ["pools"] = pools,
        },
    };

    public static JsonObject Cluster(string ns, string uid, JsonObject? shootAnnotations) => new()
    {
        ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
        ["kind"] = "Cluster",
        ["metadata"] = new JsonObject { ["name"] = ns },
        ["spec"] = new JsonObject
        {
            ["cloudProfile"] = new JsonObject
            {
                ["apiVersion"] = "core.gardener.cloud/v1beta1",
                ["kind"] = "CloudProfile",
                ["metadata"] = new JsonObject { ["name"] = "metal" },
                ["spec"] = new JsonObject
                {
                    ["type"] = "metal",
                    ["regions"] = new JsonArray(new JsonObject { ["name"] = WorkerTestBed.Region, ["zones"] = new JsonArray(new JsonObject { ["name"] = WorkerTestBed.PartitionId }) }),
                    ["machineImages"] = new JsonArray(new JsonObject
                    {
                        ["name"] = ImageName,
                        ["versions"] = new JsonArray(new JsonObject { ["version"] = ImageVersion }, new JsonObject { ["version"] = NewImageVersion }),
                    }),
                    ["providerConfig"] = new JsonObject
                    {
                        ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
                        ["kind"] = "CloudProfileConfig",
                        ["metalControlPlanes"] = new JsonObject
                        {
                            ["prod"] = new JsonObject
                            {
                                ["endpoint"] = WorkerTestBed.MetalApiUrl,
                                ["partitions"] = new JsonObject
                                {
                                    [WorkerTestBed.PartitionId] = new JsonObject
                                    {
                                        ["networkIsolation"] = new JsonObject
                                        {
                                            ["dnsServers"] = new JsonArray("10.31.0.53"),
                                            ["ntpServers"] = new JsonArray("10.31.0.123"),
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
            ["seed"] = new JsonObject { ["apiVersion"] = "core.gardener.cloud/v1beta1", ["kind"] = "Seed", ["metadata"] = new JsonObject { ["name"] = "local" } },
            ["shoot"] = new JsonObject
            {
                ["apiVersion"] = "core.gardener.cloud/v1beta1",
                ["kind"] = "Shoot",
                ["metadata"] = new JsonObject { ["name"] = "wt", ["namespace"] = "garden-wt", ["uid"] = uid, ["annotations"] = shootAnnotations },
                ["spec"] = new JsonObject
                {
                    ["region"] = WorkerTestBed.Region,
                    ["provider"] = new JsonObject
                    {
                        ["type"] = "metal",
                        ["infrastructureConfig"] = new JsonObject
                        {
                            ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
                            ["kind"] = "InfrastructureConfig",
                            ["projectID"] = WorkerTestBed.ProjectId,
                            ["partitionID"] = WorkerTestBed.PartitionId,
                            ["firewall"] = new JsonObject { ["size"] = "n1-medium-x86", ["image"] = "firewall-ubuntu-3.0", ["networks"] = new JsonArray("internet") },
                        },
                    },
                },
                ["status"] = new JsonObject { ["uid"] = uid, ["technicalID"] = ns },
            },
        },
    };
}
