using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Tests;

public class CloudProfileValidationTests
{
    private const string Cp = "/spec/providerConfig/metalControlPlanes/prod";
    private const string CpPath = "spec.providerConfig.metalControlPlanes[prod]";
    private const string Iso = Cp + "/partitions/muc1/networkIsolation";
    private const string IsoPath = CpPath + ".partitions[muc1].networkIsolation";

    [Fact]
    public void Validate_ValidProfile_NoErrors() => Assert.Empty(CloudProfileValidation.Validate(TestData.CloudProfile(), null));

    public static TheoryData<string, string, string?, string, FieldErrorType> InvalidCases() => new()
    {
        { "C1 providerConfig missing", "/spec/providerConfig", null, "spec.providerConfig", FieldErrorType.Required },
        { "strict unknown field", Cp + "/firewallImage", "[]", CpPath + ".firewallImage", FieldErrorType.NotSupported },
        { "C2 classification", Cp + "/firewallControllerVersions/0/classification", "\"stable\"", CpPath + ".firewallControllerVersions[0].classification", FieldErrorType.NotSupported },
        { "C2 duplicate version", Cp + "/firewallControllerVersions/1/version", "\"v2.3.4\"", CpPath + ".firewallControllerVersions[1].version", FieldErrorType.Invalid },
        { "C3 partition not a zone", Cp + "/partitions/ber1", "{\"firewallTypes\":[]}", CpPath + ".partitions[ber1]", FieldErrorType.Invalid },
        { "C4 no dns", Iso + "/dnsServers", "[]", IsoPath + ".dnsServers", FieldErrorType.Invalid },
        { "C4 four dns", Iso + "/dnsServers", "[\"1.1.1.1\",\"1.0.0.1\",\"8.8.8.8\",\"8.8.4.4\"]", IsoPath + ".dnsServers", FieldErrorType.Invalid },
        { "C4 bad dns ip", Iso + "/dnsServers", "[\"dns.example\"]", IsoPath + ".dnsServers[0]", FieldErrorType.Invalid },
        { "C4 no ntp", Iso + "/ntpServers", null, IsoPath + ".ntpServers", FieldErrorType.Invalid },
        { "C4 bad ntp ip", Iso + "/ntpServers", "[\"10.0.0\"]", IsoPath + ".ntpServers[0]", FieldErrorType.Invalid },
        { "C4 egress empty", Iso + "/allowedNetworks/egress", "[]", IsoPath + ".allowedNetworks.egress", FieldErrorType.Invalid },
        { "C4 ingress bad cidr", Iso + "/allowedNetworks/ingress", "[\"10.0.0.0/33\"]", IsoPath + ".allowedNetworks.ingress[0]", FieldErrorType.Invalid },
        { "C4 egress no prefix", Iso + "/allowedNetworks/egress", "[\"10.0.0.1\"]", IsoPath + ".allowedNetworks.egress[0]", FieldErrorType.Invalid },
        { "C4 egress v4 prefix too long", Iso + "/allowedNetworks/egress", "[\"100.0.0.1/128\"]", IsoPath + ".allowedNetworks.egress[0]", FieldErrorType.Invalid },
        { "C4 no mirrors", Iso + "/registryMirrors", "[]", IsoPath + ".registryMirrors", FieldErrorType.Invalid },
        { "C4 mirror name", Iso + "/registryMirrors/0/name", "\"\"", IsoPath + ".registryMirrors[0].name", FieldErrorType.Invalid },
        { "C4 mirror endpoint scheme", Iso + "/registryMirrors/0/endpoint", "\"ftp://mirror\"", IsoPath + ".registryMirrors[0].endpoint", FieldErrorType.Invalid },
        { "C4 mirror ip", Iso + "/registryMirrors/0/ip", "\"mirror\"", IsoPath + ".registryMirrors[0].ip", FieldErrorType.Invalid },
        { "C4 mirror port", Iso + "/registryMirrors/0/port", "0", IsoPath + ".registryMirrors[0].port", FieldErrorType.Invalid },
        { "C4 mirror mirrorOf empty", Iso + "/registryMirrors/0/mirrorOf", "[]", IsoPath + ".registryMirrors[0].mirrorOf", FieldErrorType.Invalid },
        { "C4 mirror mirrorOf not a host", Iso + "/registryMirrors/0/mirrorOf", "[\"https://ghcr.io\"]", IsoPath + ".registryMirrors[0].mirrorOf[0]", FieldErrorType.Invalid },
        { "firewall network prefix", Cp + "/partitions/muc1/firewallNetworks/internet-muc1", "[\"185.0.0.1/22\"]", CpPath + ".partitions[muc1].firewallNetworks[internet-muc1][0]", FieldErrorType.Invalid },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_InvalidProfile_NamesField(string rule, string edit, string? json, string expectedPath, FieldErrorType expectedType)
    {
        var errors = CloudProfileValidation.Validate(TestData.CloudProfile((edit, json)), null);

        Assert.True(errors.Any(e => e.Path == expectedPath && e.Type == expectedType), rule + ": " + string.Join(" | ", errors));
    }

    [Fact]
    public void Validate_UpdateRemovesIsolation_C5Required()
    {
        var errors = CloudProfileValidation.Validate(TestData.CloudProfile((Iso, null)), TestData.CloudProfile());

        var error = Assert.Single(errors);
        Assert.Equal((IsoPath, FieldErrorType.Required), (error.Path, error.Type));
    }

    [Fact]
    public void Validate_UpdateChangesDnsEntries_NotSupportedPerEntryWithOldValue()
    {
        var old = TestData.CloudProfile((Iso + "/dnsServers", "[\"8.8.8.8\",\"8.8.4.4\",\"10.0.0.53\"]"));
        var changed = TestData.CloudProfile((Iso + "/dnsServers", "[\"1.1.1.1\",\"1.0.0.1\",\"10.0.0.53\"]"));

        var errors = CloudProfileValidation.Validate(changed, old);

        Assert.Equal(
            [(IsoPath + ".dnsServers[0]", FieldErrorType.NotSupported, "1.1.1.1", "supported values: \"8.8.8.8\""), (IsoPath + ".dnsServers[1]", FieldErrorType.NotSupported, "1.0.0.1", "supported values: \"8.8.4.4\"")],
            errors.Select(e => (e.Path, e.Type, e.BadValue, e.Detail)));
    }

    [Fact]
    public void Validate_UpdateChangesDnsCount_NotSupportedOnList()
    {
        var errors = CloudProfileValidation.Validate(TestData.CloudProfile((Iso + "/dnsServers", "[\"10.0.0.53\",\"10.0.0.54\"]")), TestData.CloudProfile());

        var error = Assert.Single(errors);
        Assert.Equal((IsoPath + ".dnsServers", FieldErrorType.NotSupported), (error.Path, error.Type));
    }

    [Theory]
    [InlineData("10.0.0.1/24")]
    [InlineData("100.0.0.1/10")]
    [InlineData("2001:db8::1/64")]
    public void Validate_AllowedNetworkWithHostBits_AcceptedAsUpstream(string cidr)
    {
        var errors = CloudProfileValidation.Validate(TestData.CloudProfile((Iso + "/allowedNetworks/ingress", "[\"" + cidr + "\"]")), null);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("fe80::53%eth0")]
    [InlineData("2001:db8::53")]
    public void Validate_DnsServerAsGoParsesIt_Accepted(string ip)
    {
        var errors = CloudProfileValidation.Validate(TestData.CloudProfile((Iso + "/dnsServers", "[\"" + ip + "\"]")), null);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("10.0.0.53%eth0")]
    [InlineData("fe80::53%")]
    [InlineData("010.0.0.53")]
    public void Validate_DnsServerGoRejects_Invalid(string ip)
    {
        var errors = CloudProfileValidation.Validate(TestData.CloudProfile((Iso + "/dnsServers", "[\"" + ip + "\"]")), null);

        Assert.Equal((IsoPath + ".dnsServers[0]", FieldErrorType.Invalid), (Assert.Single(errors).Path, errors[0].Type));
    }

    [Fact]
    public void Validate_FirewallNetworkPrefixWithHostBits_StricterRuleNamed()
    {
        var errors = CloudProfileValidation.Validate(TestData.CloudProfile((Cp + "/partitions/muc1/firewallNetworks/internet-muc1", "[\"185.0.0.1/22\"]")), null);

        Assert.Equal(StricterRules.FirewallNetworkPrefixes, Assert.Single(errors).StricterRule);
        Assert.Empty(errors.Blocking());
    }

    [Fact]
    public void Validate_UpdateAddsIsolation_Allowed()
    {
        var errors = CloudProfileValidation.Validate(TestData.CloudProfile(), TestData.CloudProfile((Iso, null)));

        Assert.Empty(errors);
    }
}
