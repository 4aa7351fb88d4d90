using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Provider.Controllers.Worker.Mcm;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>Renders a pool's MachineDeployment and works out its replicas (as Gardener's generic worker actuator).</summary>
internal static class MachineDeploymentBuilder
{
    /// <summary>Gardener's <c>minReadySeconds</c> for machine deployments.</summary>
    public const int MinReadySeconds = 500;

    /// <summary>
    /// The replicas: 0 when hibernated; the minimum when no pool is autoscaled (then minimum = maximum); otherwise the
    /// current replicas clamped to minimum..maximum (the cluster autoscaler owns them), or the restored replicas /
    /// the minimum for a new deployment.
    /// </summary>
    public static int Replicas(WorkerPool pool, bool hibernated, bool autoscaled, int? existingReplicas, int? restoredReplicas)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (hibernated)
        {
            return 0;
        }

        if (!autoscaled)
        {
            return pool.Minimum;
        }

        if (existingReplicas is not { } current)
        {
            return restoredReplicas ?? pool.Minimum;
        }

        return Math.Clamp(current, pool.Minimum, Math.Max(pool.Minimum, pool.Maximum));
    }

    /// <summary>The whole MachineDeployment <c>&lt;namespace&gt;-&lt;pool&gt;</c>.</summary>
    public static JsonObject Build(PoolPlan plan, string @namespace, int replicas)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pool = plan.Pool;
        var selector = new JsonObject { [McmResources.DeploymentNameLabel] = plan.DeploymentName };
        var machineSpec = new JsonObject
        {
            ["class"] = new JsonObject { ["kind"] = McmResources.MachineClasses.Kind, ["name"] = plan.ClassName },
            ["nodeTemplate"] = NodeTemplateNode(plan.NodeTemplate),
        };
        AddMachineConfiguration(machineSpec, pool.MachineControllerManager);

        return new JsonObject
        {
            ["apiVersion"] = McmResources.ApiVersion,
            ["kind"] = McmResources.MachineDeployments.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = plan.DeploymentName,
                ["namespace"] = @namespace,
                ["labels"] = new JsonObject { [McmResources.PoolLabel] = pool.Name },
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["minReadySeconds"] = MinReadySeconds,
                ["strategy"] = new JsonObject
                {
                    ["type"] = "RollingUpdate",
                    ["rollingUpdate"] = new JsonObject
                    {
                        ["maxSurge"] = IntOrStringNode(pool.MaxSurge, 1),
                        ["maxUnavailable"] = IntOrStringNode(pool.MaxUnavailable, 0),
                    },
                },
                ["selector"] = new JsonObject { ["matchLabels"] = selector.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = selector },
                    ["spec"] = machineSpec,
                },
            },
        };
    }

    private static JsonObject NodeTemplateNode(NodeTemplate template)
    {
        var metadata = new JsonObject();
        if (template.Labels.Count > 0)
        {
            metadata["labels"] = StringMap(template.Labels);
        }

        if (template.Annotations.Count > 0)
        {
            metadata["annotations"] = StringMap(template.Annotations);
        }

        var spec = new JsonObject();
        if (template.Taints.Count > 0)
        {
            spec["taints"] = new JsonArray(template.Taints.Select(t =>
            {
                var taint = new JsonObject { ["key"] = t.Key };
                if (!string.IsNullOrEmpty(t.Value))
                {
                    taint["value"] = t.Value;
                }

                taint["effect"] = t.Effect;
                return (JsonNode?)taint;
            }).ToArray());
        }

        return new JsonObject { ["metadata"] = metadata, ["spec"] = spec };
    }

    private static JsonObject StringMap(IReadOnlyDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        return map;
    }

    private static JsonValue IntOrStringNode(IntOrString? value, int fallback) => value switch
    {
        { IntValue: { } number } => JsonValue.Create(number),
        { StringValue: { } text } => JsonValue.Create(text),
        _ => JsonValue.Create(fallback),
    };

    /// <summary>The pool's <c>machineControllerManager</c> settings as MCM's machine configuration (Gardener's ReadMachineConfiguration).</summary>
    private static void AddMachineConfiguration(JsonObject machineSpec, JsonElement? settings)
    {
        if (settings is not { ValueKind: JsonValueKind.Object } mcm)
        {
            return;
        }

        void Copy(string from, string to)
        {
            if (mcm.TryGetProperty(from, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                machineSpec[to] = JsonNode.Parse(value.GetRawText());
            }
        }

        Copy("machineDrainTimeout", "drainTimeout");
        Copy("machineHealthTimeout", "healthTimeout");
        Copy("machineCreationTimeout", "creationTimeout");
        Copy("maxEvictRetries", "maxEvictRetries");
        Copy("disableHealthTimeout", "disableHealthTimeout");
        if (mcm.TryGetProperty("nodeConditions", out var conditions) && conditions.ValueKind == JsonValueKind.Array)
        {
            machineSpec["nodeConditions"] = string.Join(",", conditions.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()));
        }
    }
}
