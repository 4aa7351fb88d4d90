using System.Text.Json.Nodes;
using GardenerMetal.ControlPlane.Tests.Support;
using GardenerMetal.Kubernetes;
using GardenerMetal.Provider.Controllers.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.ControlPlane.Tests;

/// <summary>ControlPlaneHealthy / SystemComponentsHealthy: the pure checks and the checker writing conditions.</summary>
public sealed class ControlPlaneHealthTests(ControlPlaneTestBed bed) : IClassFixture<ControlPlaneTestBed>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 1, 1, 1, "True", true)]
    [InlineData(1, 0, 1, 1, "False", false)]
    [InlineData(2, 2, 1, 2, "True", false)]
    [InlineData(1, 1, 1, 1, "False", false)]
    public void CheckControlPlane_Deployment_HealthyOnlyWhenAvailable(int replicas, int available, int observed, int generation, string availableCondition, bool healthy)
    {
        var deployment = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "cloud-controller-manager", ["generation"] = generation },
            ["spec"] = new JsonObject { ["replicas"] = replicas },
            ["status"] = new JsonObject
            {
                ["observedGeneration"] = observed,
                ["availableReplicas"] = available,
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Available", ["status"] = availableCondition, ["message"] = "MinimumReplicasUnavailable" }),
            },
        };

        var result = ControlPlaneHealth.CheckControlPlane(deployment, hibernated: false);

        Assert.Equal(healthy, result.Healthy);
        Assert.Contains("cloud-controller-manager", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckControlPlane_MissingOrHibernated_SaysWhy()
    {
        Assert.Equal("DeploymentMissing", ControlPlaneHealth.CheckControlPlane(null, hibernated: false).Reason);
        Assert.True(ControlPlaneHealth.CheckControlPlane(null, hibernated: true).Healthy);
    }

    [Theory]
    [InlineData("True", "True", true, "ManagedResourcesHealthy")]
    [InlineData("True", "False", false, "ResourcesHealthy is False")]
    [InlineData("False", "True", false, "ResourcesApplied is False")]
    [InlineData(null, "True", false, "no ResourcesApplied condition")]
    public void CheckSystemComponents_Conditions_NameTheFailingOne(string? applied, string healthy, bool expected, string expectedText)
    {
        var resources = new Dictionary<string, JsonObject?>
        {
            [ManagedResourceNames.Shoot] = Mr(applied, healthy, "2 objects not ready"),
            [ManagedResourceNames.StorageClasses] = Mr("True", "True", string.Empty),
        };

        var result = ControlPlaneHealth.CheckSystemComponents(resources);

        Assert.Equal(expected, result.Healthy);
        Assert.Contains(expectedText, result.Reason + " " + result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_AfterReconcile_WritesBothConditionsSayingWhy()
    {
        // Arrange
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var checker = new ControlPlaneHealthChecker(bed.Kube, NullLogger<ControlPlaneHealthChecker>.Instance);

        // Act: GRM has not reported yet
        await checker.CheckAsync(ns, ControlPlaneTestBed.ControlPlaneName, CancellationToken.None).WaitAsync(Bound);

        // Assert
        var conditions = (await bed.GetControlPlaneAsync(ns)).Status!.Conditions!;
        var system = Assert.Single(conditions, c => c.Type == ControlPlaneHealth.SystemComponentsHealthy);
        Assert.Equal("False", system.Status);
        Assert.Contains("ManagedResource extension-controlplane-", system.Message, StringComparison.Ordinal);
        Assert.Single(conditions, c => c.Type == ControlPlaneHealth.ControlPlaneHealthy);

        // Act: GRM reports both MRs applied and healthy
        foreach (var name in new[] { ManagedResourceNames.Shoot, ManagedResourceNames.StorageClasses })
        {
            var mr = await bed.ManagedResources.GetAsync(ns, name).WaitAsync(Bound);
            await bed.ManagedResources.PatchStatusAsync(ns, name, KubernetesPatch.Merge(new JsonObject
            {
                ["status"] = new JsonObject
                {
                    ["observedGeneration"] = mr["metadata"]!["generation"]!.DeepClone(),
                    ["conditions"] = new JsonArray(Condition("ResourcesApplied", "True"), Condition("ResourcesHealthy", "True"), Condition("ResourcesProgressing", "False")),
                },
            })).WaitAsync(Bound);
        }

        await checker.CheckAsync(ns, ControlPlaneTestBed.ControlPlaneName, CancellationToken.None).WaitAsync(Bound);

        // Assert
        system = Assert.Single((await bed.GetControlPlaneAsync(ns)).Status!.Conditions!, c => c.Type == ControlPlaneHealth.SystemComponentsHealthy);
        Assert.Equal("True", system.Status);
    }

    private static JsonObject Condition(string type, string status) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastTransitionTime"] = "2026-12-08T00:00:00Z",
        ["lastUpdateTime"] = "2026-12-08T00:00:00Z",
        ["reason"] = "Test",
        ["message"] = string.Empty,
    };

    private static JsonObject Mr(string? applied, string healthy, string message)
    {
        var conditions = new JsonArray(new JsonObject { ["type"] = "ResourcesHealthy", ["status"] = healthy, ["message"] = message });
        if (applied is not null)
        {
            conditions.Add(new JsonObject { ["type"] = "ResourcesApplied", ["status"] = applied, ["message"] = message });
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["generation"] = 1 },
            ["status"] = new JsonObject { ["observedGeneration"] = 1, ["conditions"] = conditions },
        };
    }
}
