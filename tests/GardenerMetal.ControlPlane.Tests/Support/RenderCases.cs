using GardenerMetal.Provider.Controllers.ControlPlane;

namespace GardenerMetal.ControlPlane.Tests.Support;

/// <summary>The renderer's golden cases: fixed values, so the rendered manifests are stable.</summary>
internal static class RenderCases
{
    public static ImageVector Images { get; } = ImageVector.Load(null);

    public static ControlPlaneValues Baseline { get; } = new()
    {
        Namespace = "shoot--prj--golden",
        ClusterId = "5b2a3c4d-0000-4000-8000-00000000c0de",
        ProjectId = "8b2f6c1a-4d3e-4a5b-9c7d-0e1f2a3b4c5d",
        PartitionId = "fra-equ01",
        NetworkId = "0d9a1c4e-node-network",
        DefaultExternalNetworkId = "internet",
        AdditionalNetworks = ["internet", "mpls"],
        LoadBalancer = "metallb",
        SshPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGoldenKey cp@test",
        MetalApiUrl = "https://metal.example.invalid/metal",
        Auth = MetalAuthKind.Hmac,
        CredentialsSecretName = "cloudprovider",
        GenericKubeconfigSecretName = "generic-token-kubeconfig-92e9ae14",
        ServerCertSecretName = ControlPlaneSecrets.CcmServerName,
        ServerCertChecksum = "0123456789abcdef",
        NodeCidr = "10.128.4.0/22",
        ApiServerIps = ["203.0.113.10"],
        Images = Images,
    };

    /// <summary>Case name → values (the golden files are testdata/&lt;case&gt;/{seed,shoot,storageclasses}.json).</summary>
    public static IReadOnlyDictionary<string, ControlPlaneValues> All { get; } = new SortedDictionary<string, ControlPlaneValues>(StringComparer.Ordinal)
    {
        ["calico-baseline"] = Baseline,
        ["cilium"] = Baseline with { LoadBalancer = "cilium" },
        ["forbidden"] = Baseline with { DefaultExternalNetworkId = "", AdditionalNetworks = ["mpls"] },
        ["hibernated"] = Baseline with { ScaledDown = true, ApiServerIps = [] },
        ["metal-api-key"] = Baseline with { Auth = MetalAuthKind.Token },
        ["disable-csi-lvm"] = Baseline with { DisableCsiLvm = true },
        ["disable-csi-lvm-custom-class"] = Baseline with { DisableCsiLvm = true, CustomDefaultClassName = "premium" },
        ["custom-default-class"] = Baseline with { CustomDefaultClassName = "premium" },
        ["empty-custom-class"] = Baseline with { CustomDefaultClassName = "" },
        ["ccm-feature-gates"] = Baseline with { CcmFeatureGates = new Dictionary<string, bool> { ["NodeIPAM"] = false, ["CloudNodeLifecycle"] = true } },
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }
}
