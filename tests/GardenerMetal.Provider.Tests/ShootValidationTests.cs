using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Tests;

public class ShootValidationTests
{
    private const string Infra = "/spec/provider/infrastructureConfig";
    private const string Fw = Infra + "/firewall";
    private const string InfraPath = "spec.provider.infrastructureConfig";
    private const string FwPath = InfraPath + ".firewall";

    [Fact]
    public void Validate_ValidShoot_NoErrors()
    {
        var errors = ShootValidation.Validate(TestData.Shoot(), null, TestData.CloudProfile());

        Assert.Empty(errors);
    }

    /// <summary>One row per rule: an edit of the valid shoot and the error it must cause.</summary>
    public static TheoryData<string, string, string?, string, FieldErrorType> InvalidCases() => new()
    {
        { "V1 tenant missing", "/metadata/annotations/cluster.metal-stack.io~1tenant", null, "metadata.annotations[cluster.metal-stack.io/tenant]", FieldErrorType.Required },
        { "V2 infra missing", Infra, null, InfraPath, FieldErrorType.Required },
        { "V2 infra null", Infra, "null", InfraPath, FieldErrorType.Required },
        { "strict unknown field", Fw + "/sizee", "\"x\"", FwPath + ".sizee", FieldErrorType.NotSupported },
        { "strict unknown nested", Fw + "/rateLimits/0/burst", "1", FwPath + ".rateLimits[0].burst", FieldErrorType.NotSupported },
        { "strict wrong type", Fw + "/networks", "\"internet\"", FwPath + ".networks", FieldErrorType.Invalid },
        { "wrong kind", Infra + "/kind", "\"ControlPlaneConfig\"", InfraPath + ".kind", FieldErrorType.NotSupported },
        { "wrong apiVersion", Infra + "/apiVersion", "\"metal.provider.extensions.gardener.cloud/v1\"", InfraPath + ".apiVersion", FieldErrorType.NotSupported },
        { "V3 projectID", Infra + "/projectID", "\"\"", InfraPath + ".projectID", FieldErrorType.Required },
        { "V3 partitionID", Infra + "/partitionID", null, InfraPath + ".partitionID", FieldErrorType.Required },
        { "V3 image", Fw + "/image", "\"\"", FwPath + ".image", FieldErrorType.Required },
        { "V3 size", Fw + "/size", null, FwPath + ".size", FieldErrorType.Required },
        { "V4 no networks", Fw + "/networks", "[]", FwPath + ".networks", FieldErrorType.Required },
        { "V4 empty network", Fw + "/networks", "[\"internet-muc1\", \"\"]", FwPath + ".networks[1]", FieldErrorType.Required },
        { "V4 duplicate network", Fw + "/networks", "[\"internet-muc1\", \"internet-muc1\"]", FwPath + ".networks[1]", FieldErrorType.Duplicate },
        { "V5 rate limit empty", Fw + "/rateLimits/0/networkID", "\"\"", FwPath + ".rateLimits[0].networkID", FieldErrorType.Required },
        { "V5 rate limit unknown", Fw + "/rateLimits/0/networkID", "\"dmz\"", FwPath + ".rateLimits[0].networkID", FieldErrorType.Required },
        { "V6 egress network empty", Fw + "/egressRules/0/networkID", "\"\"", FwPath + ".egressRules[0].networkID", FieldErrorType.Required },
        { "V6 egress network unknown", Fw + "/egressRules/0/networkID", "\"dmz\"", FwPath + ".egressRules[0].networkID", FieldErrorType.Required },
        { "V6 egress no ips", Fw + "/egressRules/0/ips", "[]", FwPath + ".egressRules[0].ips", FieldErrorType.Required },
        { "V6 egress bad ip", Fw + "/egressRules/0/ips", "[\"203.0.113.10\", \"203.0.113.300\"]", FwPath + ".egressRules[0].ips[1]", FieldErrorType.Required },
        { "V7 partition not a zone of region", "/spec/region", "\"fra\"", InfraPath + ".partitionID", FieldErrorType.Invalid },
        { "V8 partition in no control plane", Infra + "/partitionID", "\"muc3\"", InfraPath + ".partitionID", FieldErrorType.Invalid },
        { "V9 image not offered", Fw + "/image", "\"firewall-ubuntu-9.9\"", FwPath + ".image", FieldErrorType.Invalid },
        { "V9 size not offered", Fw + "/size", "\"s1-tiny\"", FwPath + ".size", FieldErrorType.Invalid },
        { "V10 version not listed", Fw + "/controllerVersion", "\"v9.9.9\"", FwPath + ".controllerVersion", FieldErrorType.Required },
        { "duration malformed", Fw + "/firewallHealthTimeout", "\"ten minutes\"", FwPath + ".firewallHealthTimeout", FieldErrorType.Invalid },
        { "V13 volume", "/spec/provider/workers/0/volume", "{\"type\":\"ssd\",\"size\":\"20Gi\"}", "spec.provider.workers[0].volume", FieldErrorType.Required },
        { "V13 zones", "/spec/provider/workers/0/zones", "[\"muc1\"]", "spec.provider.workers[0].zones", FieldErrorType.Required },
        { "V13 image not offered", "/spec/provider/workers/0/machine/image/version", "\"1.0\"", "spec.provider.workers[0].machine.image", FieldErrorType.Required },
        { "network access unsupported", "/spec/provider/controlPlaneConfig/networkAccessType", "\"open\"", "spec.provider.controlPlaneConfig.networkAccessType", FieldErrorType.NotSupported },
        { "external network not a firewall network", "/spec/provider/controlPlaneConfig/cloudControllerManager/defaultExternalNetwork", "\"dmz\"", "spec.provider.controlPlaneConfig.cloudControllerManager.defaultExternalNetwork", FieldErrorType.Invalid },
        { "control plane strict", "/spec/provider/controlPlaneConfig/iamconfig", "{}", "spec.provider.controlPlaneConfig.iamconfig", FieldErrorType.NotSupported },
        { "pods not a CIDR", "/spec/networking/pods", "\"10.240.0.0\"", "spec.networking.pods", FieldErrorType.Invalid },
        { "pods host bits", "/spec/networking/pods", "\"10.240.0.1/13\"", "spec.networking.pods", FieldErrorType.Invalid },
        { "services overlap pods", "/spec/networking/services", "\"10.241.0.0/18\"", "spec.networking.services", FieldErrorType.Invalid },
        { "pods overlap nodes", "/spec/networking/pods", "\"10.250.128.0/17\"", "spec.networking.pods", FieldErrorType.Invalid },
        { "nodes overlap firewall prefix", "/spec/networking/nodes", "\"10.0.0.0/24\"", "spec.networking.nodes", FieldErrorType.Invalid },
        { "services overlap firewall prefix", "/spec/networking/services", "\"185.0.2.0/24\"", "spec.networking.services", FieldErrorType.Invalid },
        { "mask smaller than pods prefix", "/spec/kubernetes/kubeControllerManager/nodeCIDRMaskSize", "12", "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSize", FieldErrorType.Invalid },
        { "worker config strict", "/spec/provider/workers/0/providerConfig/labels", "{}", "spec.provider.workers[0].providerConfig.labels", FieldErrorType.NotSupported },
        { "role malformed", "/spec/provider/workers/0/providerConfig/roles", "[\"node\", \"-bad-\"]", "spec.provider.workers[0].providerConfig.roles[1]", FieldErrorType.Invalid },
        { "role duplicate", "/spec/provider/workers/0/providerConfig/roles", "[\"etcd\", \"etcd\"]", "spec.provider.workers[0].providerConfig.roles[1]", FieldErrorType.Duplicate },
        { "selector key malformed", "/spec/provider/workers/0/providerConfig/hostSelector/matchExpressions/0/key", "\"Bad_Prefix/x\"", "spec.provider.workers[0].providerConfig.hostSelector.matchExpressions[0].key", FieldErrorType.Invalid },
        { "selector operator unknown", "/spec/provider/workers/0/providerConfig/hostSelector/matchExpressions/0/operator", "\"Like\"", "spec.provider.workers[0].providerConfig.hostSelector.matchExpressions[0].operator", FieldErrorType.NotSupported },
        { "selector In without values", "/spec/provider/workers/0/providerConfig/hostSelector/matchExpressions/0/values", "[]", "spec.provider.workers[0].providerConfig.hostSelector.matchExpressions[0].values", FieldErrorType.Required },
        { "selector Exists with values", "/spec/provider/workers/0/providerConfig/hostSelector/matchExpressions/0/operator", "\"Exists\"", "spec.provider.workers[0].providerConfig.hostSelector.matchExpressions[0].values", FieldErrorType.Forbidden },
        { "selector label value malformed", "/spec/provider/workers/0/providerConfig/hostSelector/matchLabels/rack", "\"r 01\"", "spec.provider.workers[0].providerConfig.hostSelector.matchLabels[rack]", FieldErrorType.Invalid },
        { "worker network duplicate", "/spec/provider/workers/0/providerConfig/networks", "[\"a\", \"a\"]", "spec.provider.workers[0].providerConfig.networks[1]", FieldErrorType.Duplicate },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_InvalidShoot_NamesField(string rule, string edit, string? json, string expectedPath, FieldErrorType expectedType)
    {
        // Arrange
        var shoot = TestData.Shoot((edit, json));

        // Act
        var errors = ShootValidation.Validate(shoot, null, TestData.CloudProfile());

        // Assert
        Assert.True(errors.Any(e => e.Path == expectedPath && e.Type == expectedType),
            rule + ": expected " + expectedType + " at " + expectedPath + ", got: " + string.Join(" | ", errors));
    }

    public static TheoryData<string, string, string?> ValidVariants() => new()
    {
        { "V9 empty image list allows any image", "/spec/provider/infrastructureConfig/partitionID", "\"fra1\"" },
        { "V10 empty controllerVersion means auto", "/spec/provider/infrastructureConfig/firewall/controllerVersion", "\"\"" },
        { "V10 listed preview version", "/spec/provider/infrastructureConfig/firewall/controllerVersion", "\"v2.3.5\"" },
        { "V12 restricted with isolation", "/spec/provider/controlPlaneConfig/networkAccessType", "\"restricted\"" },
        { "no nodes CIDR yet", "/spec/networking/nodes", null },
        { "no controlPlaneConfig", "/spec/provider/controlPlaneConfig", null },
        { "no worker providerConfig", "/spec/provider/workers/0/providerConfig", null },
        { "selector NotIn", "/spec/provider/workers/0/providerConfig/hostSelector/matchExpressions/0/operator", "\"NotIn\"" },
        { "duration compound", "/spec/provider/infrastructureConfig/firewall/firewallHealthTimeout", "\"1h30m\"" },
        { "ipv6 egress ip", "/spec/provider/infrastructureConfig/firewall/egressRules/0/ips", "[\"2001:db8::10\"]" },
        { "#444 empty default storage class name", "/spec/provider/controlPlaneConfig/customDefaultStorageClass", "{\"className\":\"\"}" },
    };

    [Theory]
    [MemberData(nameof(ValidVariants))]
    public void Validate_ValidVariant_NoErrors(string rule, string edit, string? json)
    {
        var shoot = edit.EndsWith("partitionID", StringComparison.Ordinal)
            ? TestData.Shoot((edit, json), ("/spec/region", "\"fra\""))
            : TestData.Shoot((edit, json));

        var errors = ShootValidation.Validate(shoot, null, TestData.CloudProfile());

        Assert.True(errors.Count == 0, rule + ": " + string.Join(" | ", errors));
    }

    [Fact]
    public void Validate_RestrictedWithoutIsolation_V12Error()
    {
        var shoot = TestData.Shoot(("/spec/provider/controlPlaneConfig/networkAccessType", "\"forbidden\""), ("/spec/provider/infrastructureConfig/partitionID", "\"muc2\""));

        var errors = ShootValidation.Validate(shoot, null, TestData.CloudProfile());

        Assert.Equal(
            [("spec.provider.controlPlaneConfig.networkAccessType", FieldErrorType.Invalid), ("spec.provider.controlPlaneConfig.metalControlPlanes[prod].partitions[muc2].networkIsolation", FieldErrorType.Required)],
            errors.Select(e => (e.Path, e.Type)));
    }

    [Fact]
    public void Validate_V10AutoWithoutSupportedVersion_Invalid()
    {
        var profile = TestData.CloudProfile(("/spec/providerConfig/metalControlPlanes/prod/firewallControllerVersions", "[{\"version\":\"v1.0.0\",\"url\":\"u\",\"classification\":\"preview\"}]"));

        var errors = ShootValidation.Validate(TestData.Shoot(), null, profile);

        Assert.Contains(errors, e => e.Path == "spec.provider.infrastructureConfig.firewall.controllerVersion" && e.Type == FieldErrorType.Required);
    }

    [Fact]
    public void Validate_ManyProblems_AllReportedAtOnce()
    {
        var shoot = TestData.Shoot(
            ("/metadata/annotations", "{}"),
            ("/spec/provider/infrastructureConfig/projectID", "\"\""),
            ("/spec/provider/infrastructureConfig/firewall/size", "\"s1-tiny\""),
            ("/spec/provider/workers/0/zones", "[\"a\"]"),
            ("/spec/networking/services", "\"10.240.0.0/16\""));

        var errors = ShootValidation.Validate(shoot, null, TestData.CloudProfile());

        Assert.Equal(
            ["metadata.annotations[cluster.metal-stack.io/tenant]", "spec.networking.services", "spec.provider.infrastructureConfig.firewall.size", "spec.provider.infrastructureConfig.projectID", "spec.provider.workers[0].zones"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string, string, string> ImmutableCases() => new()
    {
        { "V11 projectID", "/spec/provider/infrastructureConfig/projectID", "\"other\"", "spec.provider.infrastructureConfig.projectID" },
        { "V11 partitionID", "/spec/provider/infrastructureConfig/partitionID", "\"muc2\"", "spec.provider.infrastructureConfig.partitionID" },
        { "nodes", "/spec/networking/nodes", "\"10.251.0.0/16\"", "spec.networking.nodes" },
        { "pods", "/spec/networking/pods", "\"10.232.0.0/13\"", "spec.networking.pods" },
    };

    [Theory]
    [MemberData(nameof(ImmutableCases))]
    public void Validate_UpdateChangesImmutableField_Invalid(string rule, string edit, string json, string expectedPath)
    {
        var old = TestData.Shoot();
        var shoot = TestData.Shoot((edit, json));

        var errors = ShootValidation.Validate(shoot, old, TestData.CloudProfile());

        Assert.True(errors.Any(e => e.Path == expectedPath && e.Type == FieldErrorType.Invalid && e.Detail == "field is immutable"), rule + ": " + string.Join(" | ", errors));
    }

    [Fact]
    public void Validate_UpdateChangesTenant_ForbiddenAsUpstream()
    {
        var shoot = TestData.Shoot(("/metadata/annotations/cluster.metal-stack.io~1tenant", "\"other\""));

        var errors = ShootValidation.Validate(shoot, TestData.Shoot(), TestData.CloudProfile());

        var error = Assert.Single(errors);
        Assert.Equal(("metadata.annotations[cluster.metal-stack.io/tenant]", FieldErrorType.Forbidden), (error.Path, error.Type));
    }

    public static TheoryData<string, string, string, string> StricterCases() => new()
    {
        { "host bits in pods", "/spec/networking/pods", "\"10.240.0.1/13\"", StricterRules.CidrHostBits },
        { "services overlap pods", "/spec/networking/services", "\"10.240.0.0/16\"", StricterRules.CidrOverlap },
        { "duplicate firewall network", "/spec/provider/infrastructureConfig/firewall/networks", "[\"internet-muc1\", \"internet-muc1\"]", StricterRules.FirewallNetworksUnique },
        { "role", "/spec/provider/workers/0/providerConfig/roles", "[\"-bad\"]", StricterRules.WorkerRoles },
        { "selector", "/spec/provider/workers/0/providerConfig/hostSelector/matchExpressions/0/operator", "\"Like\"", StricterRules.HostSelector },
        { "default external network", "/spec/provider/controlPlaneConfig/cloudControllerManager", "{\"defaultExternalNetwork\":\"dmz\"}", StricterRules.DefaultExternalNetwork },
        { "empty tenant", "/metadata/annotations/cluster.metal-stack.io~1tenant", "\"\"", StricterRules.TenantNotEmpty },
    };

    [Theory]
    [MemberData(nameof(StricterCases))]
    public void Validate_StricterThanUpstream_RuleNamedAndNotBlocking(string rule, string edit, string json, string expectedRule)
    {
        var errors = ShootValidation.Validate(TestData.Shoot((edit, json)), null, TestData.CloudProfile());

        Assert.True(errors.Count > 0 && errors.All(e => e.StricterRule == expectedRule), rule + ": " + string.Join(" | ", errors.Select(e => e + " [" + e.StricterRule + "]")));
        Assert.Empty(errors.Blocking());
    }

    [Fact]
    public void Ratchet_UnchangedStricterViolation_Warned()
    {
        var old = TestData.Shoot(("/spec/networking/services", "\"10.240.0.0/16\""));
        var shoot = TestData.Shoot(("/spec/networking/services", "\"10.240.0.0/16\""), ("/spec/provider/workers/0/maximum", "5"));

        var result = FieldErrors.Ratchet(ShootValidation.Validate(shoot, old, TestData.CloudProfile()), () => ShootValidation.Validate(old, null, TestData.CloudProfile()));

        Assert.Empty(result.Denied);
        Assert.Equal("spec.networking.services", Assert.Single(result.Warned).Path);
    }

    [Fact]
    public void Ratchet_StricterViolationIntroduced_Denied()
    {
        var old = TestData.Shoot(("/spec/provider/workers/0/providerConfig/roles", "[\"etcd\"]"));
        var shoot = TestData.Shoot(("/spec/provider/workers/0/providerConfig/roles", "[\"etcd\", \"etcd\"]"));

        var result = FieldErrors.Ratchet(ShootValidation.Validate(shoot, old, TestData.CloudProfile()), () => ShootValidation.Validate(old, null, TestData.CloudProfile()));

        Assert.Empty(result.Warned);
        Assert.Equal(("spec.provider.workers[0].providerConfig.roles[1]", StricterRules.WorkerRoles), (Assert.Single(result.Denied).Path, result.Denied[0].StricterRule));
    }

    [Fact]
    public void Validate_UpdateChangesFirewallNetworks_Allowed()
    {
        // upstream #87/#88: changing firewall networks must be possible
        var old = TestData.Shoot();
        var shoot = TestData.Shoot(("/spec/provider/infrastructureConfig/firewall/networks", "[\"internet-muc1\", \"dmz-muc1\"]"));

        Assert.Empty(ShootValidation.Validate(shoot, old, TestData.CloudProfile()));
    }

    [Fact]
    public void Validate_UpdateKeepsImageTheProfileDropped_Allowed()
    {
        // Better than upstream: a CloudProfile dropping an image must not freeze existing shoots.
        var old = TestData.Shoot();
        var profile = TestData.CloudProfile(
            ("/spec/providerConfig/metalControlPlanes/prod/firewallImages", "[\"firewall-ubuntu-4.0\"]"),
            ("/spec/machineImages/0/versions", "[{\"version\":\"25.4\"}]"));

        var unchanged = ShootValidation.Validate(TestData.Shoot(), old, profile);
        var created = ShootValidation.Validate(TestData.Shoot(), null, profile);

        Assert.Empty(unchanged);
        Assert.Equal(2, created.Count);
    }

    [Fact]
    public void Validate_CloudProfileWithoutProviderConfig_NamesCloudProfileReference()
    {
        var errors = ShootValidation.Validate(TestData.Shoot(), null, TestData.CloudProfile(("/spec/providerConfig", null)));

        Assert.Contains(errors, e => e.Path == "spec.cloudProfile.name");
    }
}
