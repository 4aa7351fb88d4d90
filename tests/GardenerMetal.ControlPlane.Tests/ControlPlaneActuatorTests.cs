using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.ControlPlane.Tests.Support;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.Kubernetes;
using GardenerMetal.Provider.Controllers.ControlPlane;

namespace GardenerMetal.ControlPlane.Tests;

/// <summary>The ControlPlane actuator through the real ExtensionReconciler against the Kubernetes API emulator and the metal-api simulator.</summary>
public sealed class ControlPlaneActuatorTests(ControlPlaneTestBed bed) : IClassFixture<ControlPlaneTestBed>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reconcile_BaselineShoot_DeploysSecretsAndThreeManagedResources()
    {
        // Arrange
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);

        // Act
        var outcome = await bed.DriveAsync(ns);

        // Assert
        Assert.Null(outcome.Error);
        var cp = await bed.GetControlPlaneAsync(ns);
        Assert.Equal(LastOperationState.Succeeded, cp.Status!.LastOperation!.State);
        var seed = await bed.ManagedResources.GetAsync(ns, ManagedResourceNames.Seed).WaitAsync(Bound);
        Assert.Equal("seed", seed["spec"]!["class"]!.GetValue<string>());
        Assert.Null((await bed.ManagedResources.GetAsync(ns, ManagedResourceNames.Shoot).WaitAsync(Bound))["spec"]!["class"]);
        Assert.NotNull(await bed.ManagedResources.TryGetAsync(ns, ManagedResourceNames.StorageClasses).WaitAsync(Bound));

        var access = await bed.Kube.Secrets.GetAsync(ns, ManagedResourceNames.ShootAccessCcm).WaitAsync(Bound);
        Assert.Equal("token-requestor", access.Metadata.Labels!["resources.gardener.cloud/purpose"]);
        Assert.Equal("shoot", access.Metadata.Labels["resources.gardener.cloud/class"]);
        Assert.Equal("cloud-controller-manager", access.Metadata.Annotations!["serviceaccount.resources.gardener.cloud/name"]);
        Assert.Equal("kube-system", access.Metadata.Annotations["serviceaccount.resources.gardener.cloud/namespace"]);

        var deployment = await ManifestAsync(ns, ManagedResourceNames.Seed, "deployment__" + ns + "__cloud-controller-manager.yaml");
        var env = Env(deployment);
        Assert.Equal(ControlPlaneTestBed.ExternalNetwork, env["METAL_DEFAULT_EXTERNAL_NETWORK_ID"]); // labelled default-external and default
        Assert.Equal(ControlPlaneTestBed.NetworkId, env["METAL_NETWORK_ID"]);
        Assert.Equal(RenderCases.Baseline.ClusterId, env["METAL_CLUSTER_ID"]);
        Assert.Equal(bed.Sim.BaseAddress.AbsoluteUri, env["METAL_API_URL"]);
        Assert.Equal(ControlPlaneTestBed.SshKey, env["METAL_SSH_PUBLICKEY"]);
        Assert.Equal("metallb", env["LOADBALANCER"]);
        Assert.Equal(1, deployment["spec"]!["replicas"]!.GetValue<int>());
        var nodeCidr = await ManifestAsync(ns, ManagedResourceNames.Shoot, "configmap__kube-system__shoot-info-node-cidr.yaml");
        Assert.Equal(ControlPlaneTestBed.NodesCidr, nodeCidr["data"]!["nodeCIDR"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reconcile_RenderedSecretReferences_AllExistInTheNamespace()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);

        Assert.Null((await bed.DriveAsync(ns)).Error);

        var deployment = await ManifestAsync(ns, ManagedResourceNames.Seed, "deployment__" + ns + "__cloud-controller-manager.yaml");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var names = pod["containers"]!.AsArray().SelectMany(c => c!["env"]!.AsArray()).Select(e => e!["valueFrom"]?["secretKeyRef"]?["name"]?.GetValue<string>())
            .Concat(pod["volumes"]!.AsArray().Select(v => v!["secret"]?["secretName"]?.GetValue<string>()))
            .Concat(pod["volumes"]!.AsArray().SelectMany(v => v!["projected"]?["sources"]?.AsArray() ?? []).Select(s => s!["secret"]?["name"]?.GetValue<string>()))
            .OfType<string>().ToList();
        Assert.Equal(4, names.Count);
        foreach (var name in names)
        {
            Assert.NotNull(await bed.Kube.Secrets.TryGetAsync(ns, name).WaitAsync(Bound));
        }
    }

    [Fact]
    public async Task Reconcile_ServerCertificate_ChainsToTheCaWithTheServiceDnsNames()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);

        Assert.Null((await bed.DriveAsync(ns)).Error);

        var ca = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound);
        var server = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CcmServerName).WaitAsync(Bound);
        Assert.Equal("true", ca.Metadata.Labels!["persist"]);
        using var caCert = Certificates.Cert(ca, "ca.crt");
        using var serverCert = Certificates.Cert(server, "tls.crt");
        Assert.True(Certificates.Verifies(serverCert, caCert));
        var service = await ManifestAsync(ns, ManagedResourceNames.Seed, "service__" + ns + "__cloud-controller-manager.yaml");
        var serviceName = service["metadata"]!["name"]!.GetValue<string>();
        Assert.Contains(serviceName + "." + ns + ".svc", Certificates.DnsNames(serverCert));
        Assert.Contains(serviceName + "." + ns + ".svc.cluster.local", Certificates.DnsNames(serverCert));
        Assert.Equal(10258, service["spec"]!["ports"]![0]!["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reconcile_Twice_SecondPassWritesNothing()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await VersionsAsync(ns);

        await bed.AnnotateAsync(ns, GardenerConstants.OperationReconcile);
        Assert.Null((await bed.DriveAsync(ns)).Error);

        Assert.Equal(before, await VersionsAsync(ns));
    }

    [Fact]
    public async Task Reconcile_DefaultExternalNetworkNotAFirewallNetwork_ConfigurationProblemNamingTheField()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ControlPlaneConfig(new JsonObject { ["cloudControllerManager"] = new JsonObject { ["defaultExternalNetwork"] = "not-a-firewall-network" } }));

        var outcome = await bed.DriveAsync(ns);

        Assert.NotNull(outcome.Error);
        var cp = await bed.GetControlPlaneAsync(ns);
        Assert.Contains(GardenerErrorCodes.ConfigurationProblem, cp.Status!.LastError!.Codes!);
        Assert.Contains("controlPlaneConfig.cloudControllerManager.defaultExternalNetwork", cp.Status.LastError.Description, StringComparison.Ordinal);
        Assert.Null(await bed.ManagedResources.TryGetAsync(ns, ManagedResourceNames.Seed).WaitAsync(Bound));
    }

    [Fact]
    public async Task Reconcile_UnknownConfigField_ConfigurationProblemNamingTheField()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ControlPlaneConfig(new JsonObject { ["networkAccesType"] = "baseline" }));

        Assert.NotNull((await bed.DriveAsync(ns)).Error);

        var cp = await bed.GetControlPlaneAsync(ns);
        Assert.Contains(GardenerErrorCodes.ConfigurationProblem, cp.Status!.LastError!.Codes!);
        Assert.Contains("networkAccesType", cp.Status.LastError.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_NoDnsRecord_RetryableDependencyError()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, dnsRecord: false);

        Assert.NotNull((await bed.DriveAsync(ns)).Error);

        var cp = await bed.GetControlPlaneAsync(ns);
        Assert.Contains(GardenerErrorCodes.RetryableInfraDependencies, cp.Status!.LastError!.Codes!);
        Assert.Contains(ControlPlaneTestBed.ShootName + "-external", cp.Status.LastError.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_Hibernated_RendersScaledDownWithoutReadingTheDnsRecord()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, hibernated: true, dnsRecord: false);

        Assert.Null((await bed.DriveAsync(ns)).Error);

        var deployment = await ManifestAsync(ns, ManagedResourceNames.Seed, "deployment__" + ns + "__cloud-controller-manager.yaml");
        Assert.Equal(0, deployment["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reconcile_MetalApiKeyCredentials_RendersTokenAuthentication()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, bearer: true);

        Assert.Null((await bed.DriveAsync(ns)).Error);

        var deployment = await ManifestAsync(ns, ManagedResourceNames.Seed, "deployment__" + ns + "__cloud-controller-manager.yaml");
        var auth = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().Single(e => e!["name"]!.GetValue<string>().StartsWith("METAL_AUTH_", StringComparison.Ordinal))!;
        Assert.Equal("METAL_AUTH_TOKEN", auth["name"]!.GetValue<string>());
        Assert.Equal("metalAPIKey", auth["valueFrom"]!["secretKeyRef"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reconcile_CiliumForbiddenAndDisabledCsiLvm_RendersAccordingly()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ControlPlaneConfig(new JsonObject
        {
            ["networkAccessType"] = "forbidden",
            ["featureGates"] = new JsonObject { ["disableCsiLvm"] = true },
        }), networkingType: "cilium");

        Assert.Null((await bed.DriveAsync(ns)).Error);

        var env = Env(await ManifestAsync(ns, ManagedResourceNames.Seed, "deployment__" + ns + "__cloud-controller-manager.yaml"));
        Assert.Equal(string.Empty, env["METAL_DEFAULT_EXTERNAL_NETWORK_ID"]);
        Assert.Equal("cilium", env["LOADBALANCER"]);
        var storage = await bed.Kube.Secrets.GetAsync(ns, ManagedResourceNames.SecretOf(ManagedResourceNames.StorageClasses)).WaitAsync(Bound);
        Assert.Empty(storage.Data ?? new Dictionary<string, byte[]>());
    }

    [Fact]
    public async Task Delete_ShootManagedResourceStillCleaningUp_WaitsThenRemovesEverything()
    {
        // Arrange: a finalizer on the shoot MR plays gardener-resource-manager still deleting the shoot's objects.
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);
        Assert.Null((await bed.DriveAsync(ns)).Error);
        await bed.ManagedResources.PatchAsync(ns, ManagedResourceNames.Shoot, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray("resources.gardener.cloud/gardener-resource-manager") },
        })).WaitAsync(Bound);
        await bed.ControlPlanes.DeleteAsync(ns, ControlPlaneTestBed.ControlPlaneName).WaitAsync(Bound);

        // Act: one pass
        var outcome = await bed.NewReconciler().ReconcileAsync(new ResourceKey(ns, ControlPlaneTestBed.ControlPlaneName), CancellationToken.None).WaitAsync(Bound);

        // Assert: storage gone, shoot pending, seed untouched (reverse order, waiting for the shoot)
        Assert.NotNull(outcome.RequeueAfter);
        Assert.Null(await bed.ManagedResources.TryGetAsync(ns, ManagedResourceNames.StorageClasses).WaitAsync(Bound));
        Assert.NotNull(await bed.ManagedResources.TryGetAsync(ns, ManagedResourceNames.Shoot).WaitAsync(Bound));
        Assert.NotNull(await bed.ManagedResources.TryGetAsync(ns, ManagedResourceNames.Seed).WaitAsync(Bound));

        // Act: GRM finishes
        await bed.ManagedResources.PatchAsync(ns, ManagedResourceNames.Shoot, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["finalizers"] = null },
        })).WaitAsync(Bound);
        Assert.Null((await bed.DriveAsync(ns)).Error);

        // Assert
        Assert.Empty((await bed.ManagedResources.ListAsync(ns).WaitAsync(Bound)).Items);
        var left = (await bed.Kube.Secrets.ListAsync(ns).WaitAsync(Bound)).Items.Select(s => s.Metadata.Name).ToList();
        Assert.DoesNotContain(ControlPlaneSecrets.CaName, left);
        Assert.DoesNotContain(ControlPlaneSecrets.CcmServerName, left);
        Assert.DoesNotContain(ManagedResourceNames.ShootAccessCcm, left);
        Assert.DoesNotContain(left, n => n!.StartsWith("managedresource-", StringComparison.Ordinal));
        Assert.Null(await bed.ControlPlanes.TryGetAsync(ns, ControlPlaneTestBed.ControlPlaneName).WaitAsync(Bound));
    }

    [Fact]
    public async Task MigrateThenRestore_KeepsTheCaAndKeepsShootObjects()
    {
        // Arrange
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var caBefore = (await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound)).Data!["ca.crt"];
        await bed.ManagedResources.PatchAsync(ns, ManagedResourceNames.Shoot, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray("resources.gardener.cloud/gardener-resource-manager") },
        })).WaitAsync(Bound);

        // Act: migrate
        await bed.AnnotateAsync(ns, GardenerConstants.OperationMigrate);
        Assert.Null((await bed.DriveAsync(ns)).Error);

        // Assert: the shoot MR was released with keepObjects before its deletion; the CA stays.
        var shootMr = await bed.ManagedResources.GetAsync(ns, ManagedResourceNames.Shoot).WaitAsync(Bound);
        Assert.True(shootMr["spec"]!["keepObjects"]!.GetValue<bool>());
        Assert.NotNull(shootMr["metadata"]!["deletionTimestamp"]);
        Assert.Null(await bed.ManagedResources.TryGetAsync(ns, ManagedResourceNames.Seed).WaitAsync(Bound));
        Assert.Null(await bed.Kube.Secrets.TryGetAsync(ns, ControlPlaneSecrets.CcmServerName).WaitAsync(Bound));
        Assert.NotNull(await bed.Kube.Secrets.TryGetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound));
        Assert.Equal(LastOperationType.Migrate, (await bed.GetControlPlaneAsync(ns)).Status!.LastOperation!.Type);

        // Act: restore (GRM released the old MR meanwhile)
        await bed.ManagedResources.PatchAsync(ns, ManagedResourceNames.Shoot, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["finalizers"] = null },
        })).WaitAsync(Bound);
        await bed.AnnotateAsync(ns, GardenerConstants.OperationRestore);
        Assert.Null((await bed.DriveAsync(ns)).Error);

        // Assert
        var ca = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound);
        Assert.Equal(caBefore, ca.Data!["ca.crt"]);
        using var caCert = Certificates.Cert(ca, "ca.crt");
        using var server = Certificates.Cert(await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CcmServerName).WaitAsync(Bound), "tls.crt");
        Assert.True(Certificates.Verifies(server, caCert));
        Assert.Equal(3, (await bed.ManagedResources.ListAsync(ns).WaitAsync(Bound)).Items.Count);
        Assert.Equal(LastOperationType.Restore, (await bed.GetControlPlaneAsync(ns)).Status!.LastOperation!.Type);
    }

    [Fact]
    public async Task Reconcile_TwoConcurrentReconciles_ConvergeOnOneCa()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);

        // Act: two controllers race (as during a leader hand-over); a loser retries as the work queue would.
        var first = RetryAsync(ns);
        var second = RetryAsync(ns);
        await Task.WhenAll(first, second).WaitAsync(Bound);

        // Assert
        var ca = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound);
        using var caCert = Certificates.Cert(ca, "ca.crt");
        using var server = Certificates.Cert(await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CcmServerName).WaitAsync(Bound), "tls.crt");
        Assert.True(Certificates.Verifies(server, caCert));
        Assert.Equal(3, (await bed.ManagedResources.ListAsync(ns).WaitAsync(Bound)).Items.Count);
    }

    [Fact]
    public async Task Reconcile_KilledMidway_NextControllerConverges()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns);
        using var kill = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (await bed.Kube.Secrets.TryGetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound) is null)
            {
                await Task.Delay(2);
            }

            await kill.CancelAsync();
        });

        // Act: the first controller dies as soon as its CA exists (mid-reconcile)
        try
        {
            await bed.NewReconciler().ReconcileAsync(new ResourceKey(ns, ControlPlaneTestBed.ControlPlaneName), kill.Token).WaitAsync(Bound);
        }
        catch (OperationCanceledException)
        {
        }

        await watcher.WaitAsync(Bound);
        var ca = (await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound)).Data!["ca.crt"];
        await bed.AnnotateAsync(ns, GardenerConstants.OperationReconcile);
        var outcome = await bed.DriveAsync(ns);

        // Assert: same CA, everything deployed once
        Assert.Null(outcome.Error);
        Assert.Equal(ca, (await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound)).Data!["ca.crt"]);
        Assert.Equal(3, (await bed.ManagedResources.ListAsync(ns).WaitAsync(Bound)).Items.Count);
        Assert.Equal(LastOperationState.Succeeded, (await bed.GetControlPlaneAsync(ns)).Status!.LastOperation!.State);
    }

    private async Task RetryAsync(string ns)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var outcome = await bed.DriveAsync(ns);
            if (outcome.Error is null)
            {
                return;
            }

            await bed.AnnotateAsync(ns, GardenerConstants.OperationReconcile);
        }

        Assert.Fail("the reconcile did not converge");
    }

    private async Task<JsonObject> ManifestAsync(string ns, string managedResource, string key)
    {
        var secret = await bed.Kube.Secrets.GetAsync(ns, ManagedResourceNames.SecretOf(managedResource)).WaitAsync(Bound);
        Assert.True(secret.Data!.TryGetValue(key, out var value), $"{managedResource} has no {key}; it has {string.Join(", ", secret.Data.Keys)}");
        return JsonNode.Parse(Encoding.UTF8.GetString(value))!.AsObject();
    }

    private static Dictionary<string, string> Env(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Where(e => e!["value"] is not null)
            .ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());

    private async Task<string> VersionsAsync(string ns)
    {
        var secrets = (await bed.Kube.Secrets.ListAsync(ns).WaitAsync(Bound)).Items.Select(s => s.Metadata.Name + "=" + s.Metadata.ResourceVersion);
        var mrs = (await bed.ManagedResources.ListAsync(ns).WaitAsync(Bound)).Items.Select(m => m["metadata"]!["name"] + "=" + m["metadata"]!["resourceVersion"]);
        return string.Join(";", secrets.Concat(mrs).Order(StringComparer.Ordinal));
    }

    private static JsonObject ControlPlaneConfig(JsonObject fields)
    {
        var config = new JsonObject
        {
            ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
            ["kind"] = "ControlPlaneConfig",
        };
        foreach (var (key, value) in fields)
        {
            config[key] = value?.DeepClone();
        }

        return config;
    }
}
