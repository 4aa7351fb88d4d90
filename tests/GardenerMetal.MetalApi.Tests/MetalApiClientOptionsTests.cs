using System.Text;

namespace GardenerMetal.MetalApi.Tests;

public class MetalApiClientOptionsTests
{
    private const string HmacValue = "hmac-SECRET-value";
    private const string TokenValue = "token-SECRET-value";

    private static Dictionary<string, byte[]> Data(string? url = "https://metal.example/metal", string? hmac = null, string? key = null)
    {
        var d = new Dictionary<string, byte[]>();
        if (url is not null)
        {
            d["metalAPIURL"] = Encoding.UTF8.GetBytes(url);
        }

        if (hmac is not null)
        {
            d["metalAPIHMac"] = Encoding.UTF8.GetBytes(hmac);
        }

        if (key is not null)
        {
            d["metalAPIKey"] = Encoding.UTF8.GetBytes(key);
        }

        return d;
    }

    [Fact]
    public void FromSecretData_HmacOnly_HmacWithMetalAdminDefault()
    {
        var o = MetalApiClientOptions.FromSecretData(Data(hmac: HmacValue + "\n"));

        Assert.True(o.Credentials.IsHmac);
        Assert.Equal("Metal-Admin", o.Credentials.HmacAuthType);
        Assert.Equal(new Uri("https://metal.example/metal"), o.BaseAddress);
    }

    [Fact]
    public void FromSecretData_HmacWithEditAuthType_UsesIt()
    {
        var o = MetalApiClientOptions.FromSecretData(Data(hmac: HmacValue), MetalApiAuthTypes.Edit);

        Assert.Equal("Metal-Edit", o.Credentials.HmacAuthType);
    }

    [Fact]
    public void FromSecretData_KeyOnly_Bearer()
    {
        var o = MetalApiClientOptions.FromSecretData(Data(key: TokenValue));

        Assert.False(o.Credentials.IsHmac);
        Assert.Null(o.Credentials.HmacAuthType);
    }

    [Theory]
    [InlineData(true, true, "found both")]
    [InlineData(false, false, "found neither")]
    public void FromSecretData_BothOrNeither_ConfigurationErrorNamingKeysNotValues(bool hmac, bool key, string what)
    {
        var ex = Assert.Throws<MetalApiConfigurationException>(() =>
            MetalApiClientOptions.FromSecretData(Data(hmac: hmac ? HmacValue : null, key: key ? TokenValue : null)));

        Assert.Contains("metalAPIHMac", ex.Message, StringComparison.Ordinal);
        Assert.Contains("metalAPIKey", ex.Message, StringComparison.Ordinal);
        Assert.Contains(what, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSecretData_EmptyValue_CountsAsAbsent()
    {
        var ex = Assert.Throws<MetalApiConfigurationException>(() => MetalApiClientOptions.FromSecretData(Data(hmac: "  ", key: "")));

        Assert.Contains("found neither", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "missing 'metalAPIURL'")]
    [InlineData("metal.example:8080", "not an absolute http(s) URL")]
    [InlineData("ftp://metal.example", "not an absolute http(s) URL")]
    public void FromSecretData_BadUrl_ConfigurationErrorNamingUrlKey(string? url, string expected)
    {
        var ex = Assert.Throws<MetalApiConfigurationException>(() => MetalApiClientOptions.FromSecretData(Data(url: url, hmac: HmacValue)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSecretData_UnknownAuthType_ConfigurationError()
    {
        var ex = Assert.Throws<MetalApiConfigurationException>(() => MetalApiClientOptions.FromSecretData(Data(hmac: HmacValue), "Metal-Root"));

        Assert.Contains("Metal-Root", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OptionsAndCredentials_NeverShowSecrets()
    {
        var hmac = MetalApiClientOptions.FromSecretData(Data(hmac: HmacValue));
        var bearer = MetalApiClientOptions.FromSecretData(Data(key: TokenValue));

        Assert.DoesNotContain("SECRET", hmac.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", bearer.ToString(), StringComparison.Ordinal);
        Assert.Equal("HMAC Metal-Admin", hmac.Credentials.ToString());
    }
}
