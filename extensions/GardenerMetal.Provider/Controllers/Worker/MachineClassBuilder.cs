using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Provider.Controllers.Worker.Mcm;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>Renders a pool's MachineClass and its Secret.</summary>
internal static class MachineClassBuilder
{
    /// <summary>The MachineClass: <c>provider: metal</c>, the providerSpec, <c>secretRef</c> to the class Secret, and a node template for scale-from-zero when the pool has one.</summary>
    public static JsonObject Build(PoolPlan plan, string @namespace, string region)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var machineClass = new JsonObject
        {
            ["apiVersion"] = McmResources.ApiVersion,
            ["kind"] = McmResources.MachineClasses.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = plan.ClassName,
                ["namespace"] = @namespace,
                ["labels"] = new JsonObject { [McmResources.PoolLabel] = plan.Pool.Name },
            },
            ["provider"] = McmResources.Provider,
            ["providerSpec"] = JsonSerializer.SerializeToNode(plan.ProviderSpec, WorkerJsonContext.Default.MetalProviderSpec),
            ["secretRef"] = new JsonObject { ["name"] = plan.ClassName, ["namespace"] = @namespace },
        };

        if (plan.Pool.NodeTemplate is { ValueKind: JsonValueKind.Object } template && template.TryGetProperty("capacity", out var capacity) && capacity.ValueKind == JsonValueKind.Object)
        {
            machineClass["nodeTemplate"] = new JsonObject
            {
                ["capacity"] = JsonNode.Parse(capacity.GetRawText()),
                ["instanceType"] = plan.Pool.MachineType,
                ["region"] = region,
                ["zone"] = plan.ProviderSpec.Partition,
            };
        }

        return machineClass;
    }

    /// <summary>The class Secret (labelled <c>gardener.cloud/purpose: machineclass</c>).</summary>
    public static Secret BuildSecret(PoolPlan plan, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Secret
        {
            Metadata = new ObjectMeta
            {
                Name = plan.ClassName,
                Namespace = @namespace,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [McmResources.PurposeLabel] = McmResources.PurposeMachineClass,
                    [McmResources.PoolLabel] = plan.Pool.Name,
                },
            },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]>(plan.SecretData, StringComparer.Ordinal),
        };
    }
}
