using System.Globalization;
using System.Text.Json.Nodes;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// The ControlPlane's health conditions, as Gardener's healthcheck controller writes them: <c>ControlPlaneHealthy</c>
/// (the seed Deployment <c>cloud-controller-manager</c> is available) and <c>SystemComponentsHealthy</c> (the
/// ManagedResources <c>extension-controlplane-shoot</c> and <c>-storageclasses</c> report <c>ResourcesApplied</c> and
/// <c>ResourcesHealthy</c> for their current generation). Pure: the caller reads the objects.
/// </summary>
public static class ControlPlaneHealth
{
    public const string ControlPlaneHealthy = "ControlPlaneHealthy";
    public const string SystemComponentsHealthy = "SystemComponentsHealthy";

    /// <summary>One evaluated condition: status <c>True</c>/<c>False</c>, a reason and a message that says why.</summary>
    public sealed record Result(string Type, bool Healthy, string Reason, string Message);

    /// <summary><c>ControlPlaneHealthy</c> from the metal-ccm Deployment (null: missing).</summary>
    public static Result CheckControlPlane(JsonObject? deployment, bool hibernated)
    {
        if (hibernated)
        {
            return new(ControlPlaneHealthy, true, "Hibernated", "The shoot is hibernated; metal-ccm is scaled down.");
        }

        if (deployment is null)
        {
            return new(ControlPlaneHealthy, false, "DeploymentMissing", $"Deployment {ManagedResourceNames.CloudControllerManager} does not exist (yet).");
        }

        var generation = Long(deployment["metadata"]?["generation"]);
        var observed = Long(deployment["status"]?["observedGeneration"]);
        if (observed < generation)
        {
            return new(ControlPlaneHealthy, false, "DeploymentUnhealthy", $"Deployment {ManagedResourceNames.CloudControllerManager}: observed generation {observed} is behind {generation}.");
        }

        var desired = deployment["spec"]?["replicas"] is null ? 1 : Long(deployment["spec"]?["replicas"]);
        var available = Long(deployment["status"]?["availableReplicas"]);
        if (available < desired)
        {
            return new(ControlPlaneHealthy, false, "DeploymentUnhealthy",
                $"Deployment {ManagedResourceNames.CloudControllerManager}: {available.ToString(CultureInfo.InvariantCulture)} of {desired.ToString(CultureInfo.InvariantCulture)} replicas available.");
        }

        var availableCondition = Condition(deployment, "Available");
        if (desired > 0 && availableCondition is not null && availableCondition.Value.Status != "True")
        {
            return new(ControlPlaneHealthy, false, "DeploymentUnhealthy", $"Deployment {ManagedResourceNames.CloudControllerManager} is not Available: {availableCondition.Value.Message}");
        }

        return new(ControlPlaneHealthy, true, "DeploymentHealthy", $"Deployment {ManagedResourceNames.CloudControllerManager} is available.");
    }

    /// <summary><c>SystemComponentsHealthy</c> from the shoot and storage ManagedResources (name → object, null: missing).</summary>
    public static Result CheckSystemComponents(IReadOnlyDictionary<string, JsonObject?> managedResources)
    {
        ArgumentNullException.ThrowIfNull(managedResources);
        foreach (var (name, mr) in managedResources.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (mr is null)
            {
                return new(SystemComponentsHealthy, false, "ManagedResourceMissing", $"ManagedResource {name} does not exist (yet).");
            }

            var generation = Long(mr["metadata"]?["generation"]);
            var observed = Long(mr["status"]?["observedGeneration"]);
            if (observed < generation)
            {
                return new(SystemComponentsHealthy, false, "ManagedResourceProgressing", $"ManagedResource {name}: generation {generation} has not been applied yet (observed {observed}).");
            }

            foreach (var type in new[] { "ResourcesApplied", "ResourcesHealthy" })
            {
                var condition = Condition(mr, type);
                if (condition is null)
                {
                    return new(SystemComponentsHealthy, false, "ManagedResourceUnhealthy", $"ManagedResource {name} has no {type} condition yet.");
                }

                if (condition.Value.Status != "True")
                {
                    return new(SystemComponentsHealthy, false, "ManagedResourceUnhealthy", $"ManagedResource {name}: {type} is {condition.Value.Status}: {condition.Value.Message}");
                }
            }
        }

        return new(SystemComponentsHealthy, true, "ManagedResourcesHealthy", "All system components are healthy.");
    }

    private static (string Status, string Message)? Condition(JsonObject obj, string type)
    {
        foreach (var condition in obj["status"]?["conditions"] as JsonArray ?? [])
        {
            if (condition?["type"]?.GetValue<string>() == type)
            {
                return (condition["status"]?.GetValue<string>() ?? "Unknown", condition["message"]?.GetValue<string>() ?? string.Empty);
            }
        }

        return null;
    }

    private static long Long(JsonNode? node) => node is not JsonValue value ? 0
        : value.TryGetValue<long>(out var number) ? number
        : value.TryGetValue<int>(out var small) ? small
        : 0;
}
