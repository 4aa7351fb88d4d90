using System.Text;

namespace GardenerMetal.MetalApi.Tests;

public sealed class CachingMetalApiClientFactoryTests
{
    private const string HmacValue = "hmac-SECRET-value";
    private const string TokenValue = "token-SECRET-value";

    private static MetalApiClientOptions Hmac(string key = HmacValue, string url = "https://metal.example/metal/", string authType = MetalApiAuthTypes.Admin) =>
        new() { BaseAddress = new Uri(url), Credentials = MetalApiCredentials.Hmac(key, authType) };

    private static MetalApiClientOptions Bearer(string token = TokenValue, string url = "https://metal.example/metal/") =>
        new() { BaseAddress = new Uri(url), Credentials = MetalApiCredentials.Bearer(token) };

    private static Dictionary<string, byte[]> SecretData(string hmac) => new(StringComparer.Ordinal)
    {
        [MetalApiSecretKeys.Url] = Encoding.UTF8.GetBytes("https://metal.example/metal/"),
        [MetalApiSecretKeys.Hmac] = Encoding.UTF8.GetBytes(hmac),
    };

    [Fact]
    public void GetClient_SameEndpointAndCredentials_OneClientCreatedOnce()
    {
        // Arrange
        var configured = 0;
        using var factory = new CachingMetalApiClientFactory(o =>
        {
            Interlocked.Increment(ref configured);
            return o with { MaxRetries = 0 };
        });

        // Act
        var first = factory.GetClient(Hmac());
        var second = factory.GetClient(Hmac() with { Timeout = TimeSpan.FromSeconds(1) });
        var fromSecret = factory.GetClient(SecretData(HmacValue + "\n"));

        // Assert
        Assert.Same(first, second);
        Assert.Same(first, fromSecret);
        Assert.Equal(1, configured);
    }

    [Fact]
    public void GetClient_RotatedSecret_NewClient()
    {
        // Arrange
        using var factory = new CachingMetalApiClientFactory();
        var before = factory.GetClient(SecretData(HmacValue));

        // Act
        var after = factory.GetClient(SecretData(HmacValue + "-rotated"));

        // Assert
        Assert.NotSame(before, after);
    }

    [Fact]
    public void GetClient_OtherEndpointAuthTypeOrCredentialKind_DistinctClients()
    {
        // Arrange
        using var factory = new CachingMetalApiClientFactory();

        // Act
        var clients = new[]
        {
            factory.GetClient(Hmac()),
            factory.GetClient(Hmac(url: "https://other.example/metal/")),
            factory.GetClient(Hmac(authType: MetalApiAuthTypes.Edit)),
            factory.GetClient(Bearer(HmacValue)),
            factory.GetClient(Bearer()),
        };

        // Assert
        Assert.Equal(clients.Length, clients.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void KeyFor_HmacOrBearer_EndpointAndDigestWithoutTheSecret()
    {
        // Act
        var hmacKey = CachingMetalApiClientFactory.KeyFor(Hmac());
        var bearerKey = CachingMetalApiClientFactory.KeyFor(Bearer());

        // Assert
        Assert.StartsWith("https://metal.example/metal/|", hmacKey, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", hmacKey, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SECRET", bearerKey, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^https://metal.example/metal/\\|[0-9a-f]{64}$", bearerKey);
    }

    [Fact]
    public void GetClient_SecretDataWithoutCredentials_ConfigurationErrorNamingTheKeys()
    {
        // Arrange
        using var factory = new CachingMetalApiClientFactory();
        var data = SecretData(HmacValue);
        data.Remove(MetalApiSecretKeys.Hmac);

        // Act
        var error = Assert.Throws<MetalApiConfigurationException>(() => factory.GetClient(data));

        // Assert
        Assert.Contains(MetalApiSecretKeys.Hmac, error.Message, StringComparison.Ordinal);
        Assert.Contains(MetalApiSecretKeys.Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetClient_AfterDispose_ObjectDisposedException()
    {
        // Arrange
        var factory = new CachingMetalApiClientFactory();
        factory.GetClient(Hmac());

        // Act
        factory.Dispose();

        // Assert
        Assert.Throws<ObjectDisposedException>(() => factory.GetClient(Hmac()));
    }
}
