using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.ControlPlane.Tests.Support;
using GardenerMetal.Provider.Controllers.ControlPlane;
using k8s;
using k8s.Models;

namespace GardenerMetal.ControlPlane.Tests;

/// <summary>The pure renderer: golden manifests per case, and properties every rendering must have.</summary>
public sealed class ControlPlaneRendererTests
{
    private static readonly Dictionary<string, Type> Models = new(StringComparer.Ordinal)
    {
        ["Deployment"] = typeof(V1Deployment),
        ["DaemonSet"] = typeof(V1DaemonSet),
        ["Service"] = typeof(V1Service),
        ["ServiceAccount"] = typeof(V1ServiceAccount),
        ["ConfigMap"] = typeof(V1ConfigMap),
        ["Namespace"] = typeof(V1Namespace),
        ["ClusterRole"] = typeof(V1ClusterRole),
        ["ClusterRoleBinding"] = typeof(V1ClusterRoleBinding),
        ["RoleBinding"] = typeof(V1RoleBinding),
        ["StorageClass"] = typeof(V1StorageClass),
    };

    public static TheoryData<string> Cases => RenderCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_Case_MatchesGoldenManifests(string caseName)
    {
        // Act
        var rendered = ControlPlaneRenderer.Render(RenderCases.All[caseName]);

        // Assert: one golden file per ManagedResource, holding its Secret's keys with the decoded manifests.
        Assert.Equal([ManagedResourceNames.Seed, ManagedResourceNames.Shoot, ManagedResourceNames.StorageClasses], rendered.Select(r => r.Name));
        foreach (var resource in rendered)
        {
            var decoded = new JsonObject();
            foreach (var (key, value) in ManagedResourceEncoder.Encode(resource))
            {
                decoded[key] = JsonNode.Parse(value);
            }

            Golden.AssertMatches(caseName, resource.Name.Replace("extension-controlplane-", string.Empty, StringComparison.Ordinal) + ".json", decoded);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_EveryManifest_DecodesStrictlyIntoKubernetesClientModels(string caseName)
    {
        foreach (var resource in ControlPlaneRenderer.Render(RenderCases.All[caseName]))
        {
            var data = ManagedResourceEncoder.Encode(resource);
            Assert.Equal(resource.Objects.Count, data.Count);
            foreach (var (key, value) in data)
            {
                var json = Encoding.UTF8.GetString(value);
                var node = JsonNode.Parse(json)!.AsObject();
                var kind = node["kind"]!.GetValue<string>();
                Assert.Equal(ManagedResourceEncoder.KeyOf(kind, node["metadata"]?["namespace"]?.GetValue<string>(), node["metadata"]!["name"]!.GetValue<string>()), key);
                if (kind == "ServiceMonitor")
                {
                    Assert.Equal("monitoring.coreos.com/v1", node["apiVersion"]!.GetValue<string>());
                    Assert.Equal("shoot", node["metadata"]!["labels"]!["prometheus"]!.GetValue<string>());
                    continue;
                }

                // Strict: a field the model does not know would be dropped by the round trip, so it must be lossless.
                Assert.True(Models.TryGetValue(kind, out var model), $"{key}: kind {kind} has no KubernetesClient model in this test");
                var typed = DeserializeAs(json, model);
                Assert.NotNull(typed);
                var roundTrip = JsonNode.Parse(KubernetesJson.Serialize(typed));
                Assert.True(JsonNode.DeepEquals(node, roundTrip), $"{key} does not survive a strict decode into {model.Name}:\n{json}\n{roundTrip}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_EveryContainerImage_ComesFromTheImageVector(string caseName)
    {
        var images = ImageNames.All.Select(RenderCases.Images.Image).ToHashSet(StringComparer.Ordinal);
        var found = 0;
        foreach (var resource in ControlPlaneRenderer.Render(RenderCases.All[caseName]))
        {
            foreach (var spec in PodSpecs(resource))
            {
                foreach (var container in spec.Containers.Concat(spec.InitContainers ?? []))
                {
                    Assert.Contains(container.Image, images);
                    found++;
                }

                foreach (var arg in spec.Containers.SelectMany(c => c.Args ?? []).Where(a => a.StartsWith("--provisioner-image=", StringComparison.Ordinal)))
                {
                    Assert.Contains(arg["--provisioner-image=".Length..], images);
                }
            }
        }

        Assert.True(found >= 1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_EverySecretReference_PointsAtARenderedOrGardenerProvidedSecret(string caseName)
    {
        var values = RenderCases.All[caseName];
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            values.CredentialsSecretName,          // Gardener: the shoot's cloudprovider Secret
            values.GenericKubeconfigSecretName,    // Gardener: the generic token kubeconfig (Cluster annotation)
            ManagedResourceNames.ShootAccessCcm,   // ours: the shoot-access Secret
            values.ServerCertSecretName,           // ours: the secrets manager's server certificate
        };
        var seed = ControlPlaneRenderer.RenderSeed(values);
        var deployment = Assert.Single(seed.Objects.OfType<V1Deployment>());
        var spec = deployment.Spec.Template.Spec;
        var references = spec.Containers.SelectMany(c => c.Env ?? []).Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.ValueFrom.SecretKeyRef.Name)
            .Concat(spec.Volumes.Where(v => v.Secret is not null).Select(v => v.Secret.SecretName))
            .Concat(spec.Volumes.Where(v => v.Projected is not null).SelectMany(v => v.Projected.Sources).Where(s => s.Secret is not null).Select(s => s.Secret.Name))
            .ToList();
        Assert.Equal(4, references.Count);
        Assert.All(references, r => Assert.Contains(r, known));

        var auth = spec.Containers[0].Env.Single(e => e.Name.StartsWith("METAL_AUTH_", StringComparison.Ordinal));
        Assert.Equal(values.Auth == MetalAuthKind.Hmac ? ("METAL_AUTH_HMAC", "metalAPIHMac") : ("METAL_AUTH_TOKEN", "metalAPIKey"), (auth.Name, auth.ValueFrom.SecretKeyRef.Key));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public void RenderSeed_Hibernation_SetsReplicas(bool scaledDown, int replicas)
    {
        var seed = ControlPlaneRenderer.RenderSeed(RenderCases.Baseline with { ScaledDown = scaledDown });

        Assert.Equal(replicas, Assert.Single(seed.Objects.OfType<V1Deployment>()).Spec.Replicas);
    }

    [Theory]
    [InlineData(null, "true")]
    [InlineData("csi-lvm", "true")]
    [InlineData("premium", "false")]
    [InlineData("", "false")]
    public void RenderStorage_CustomDefaultClass_DecidesWhetherCsiLvmIsDefault(string? className, string isDefault)
    {
        var storage = ControlPlaneRenderer.RenderStorage(RenderCases.Baseline with { CustomDefaultClassName = className });

        var storageClass = Assert.Single(storage.Objects.OfType<V1StorageClass>());
        Assert.Equal(isDefault, storageClass.Metadata.Annotations[ControlPlaneRenderer.DefaultClassAnnotation]);
        Assert.Equal("metal-stack.io/csi-lvm", storageClass.Provisioner);
        Assert.Equal("WaitForFirstConsumer", storageClass.VolumeBindingMode);
    }

    [Fact]
    public void RenderSeed_MetalCcm_HasTheEnvironmentMetalCcmReads()
    {
        var deployment = Assert.Single(ControlPlaneRenderer.RenderSeed(RenderCases.Baseline).Objects.OfType<V1Deployment>());
        var env = deployment.Spec.Template.Spec.Containers[0].Env.Where(e => e.Value is not null).ToDictionary(e => e.Name, e => e.Value);

        Assert.Equal(RenderCases.Baseline.ProjectId, env["METAL_PROJECT_ID"]);
        Assert.Equal(RenderCases.Baseline.PartitionId, env["METAL_PARTITION_ID"]);
        Assert.Equal(RenderCases.Baseline.ClusterId, env["METAL_CLUSTER_ID"]);
        Assert.Equal(RenderCases.Baseline.NetworkId, env["METAL_NETWORK_ID"]);
        Assert.Equal("internet", env["METAL_DEFAULT_EXTERNAL_NETWORK_ID"]);
        Assert.Equal("internet,mpls", env["METAL_ADDITIONAL_NETWORKS"]);
        Assert.Equal("metallb", env["LOADBALANCER"]);
        Assert.Equal(RenderCases.Baseline.MetalApiUrl, env["METAL_API_URL"]);
        Assert.Equal(RenderCases.Baseline.SshPublicKey, env["METAL_SSH_PUBLICKEY"]);
        Assert.Equal("gardener-system-300", deployment.Spec.Template.Spec.PriorityClassName);
        Assert.Contains("--secure-port=10258", deployment.Spec.Template.Spec.Containers[0].Args);
        Assert.Contains("--use-service-account-credentials", deployment.Spec.Template.Spec.Containers[0].Args);
    }

    [Fact]
    public void Render_SameValues_SameBytes()
    {
        var first = ControlPlaneRenderer.Render(RenderCases.Baseline).Select(ManagedResourceEncoder.Encode).ToList();
        var second = ControlPlaneRenderer.Render(RenderCases.Baseline).Select(ManagedResourceEncoder.Encode).ToList();

        Assert.Equal(first.Select(ManagedResourceEncoder.Checksum), second.Select(ManagedResourceEncoder.Checksum));
        Assert.NotEqual(
            ManagedResourceEncoder.Checksum(first[0]),
            ManagedResourceEncoder.Checksum(ManagedResourceEncoder.Encode(ControlPlaneRenderer.RenderSeed(RenderCases.Baseline with { ServerCertChecksum = "fedcba9876543210" }))));
    }

    private static object? DeserializeAs(string json, Type model) =>
        typeof(KubernetesJson).GetMethods().Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string))
            .MakeGenericMethod(model).Invoke(null, [json, null]);

    private static IEnumerable<V1PodSpec> PodSpecs(RenderedManagedResource resource) =>
        resource.Objects.OfType<V1Deployment>().Select(d => d.Spec.Template.Spec)
            .Concat(resource.Objects.OfType<V1DaemonSet>().Select(d => d.Spec.Template.Spec));
}
