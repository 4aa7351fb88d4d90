using GardenerMetal.Provider.Apis.Core;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Tests;

public class SecretValidationTests
{
    private static string B64(string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s));

    public static TheoryData<string, string[], string?> Cases() => new()
    {
        { "hmac only", ["metalAPIHMac", "metalAPIURL"], null },
        { "key only", ["metalAPIKey"], null },
        { "both", ["metalAPIHMac", "metalAPIKey"], "data" },
        { "neither", ["metalAPIURL"], "data" },
        { "empty data", [], "data" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValidateCloudProviderSecret_S1_ExactlyOneCredential(string name, string[] keys, string? expectedPath)
    {
        var secret = new Secret { Data = keys.ToDictionary(k => k, k => B64(k == "metalAPIURL" ? "https://metal.example.com" : "s3cr3t-" + k)) };

        var errors = SecretValidation.ValidateCloudProviderSecret(secret, FieldPath.Root("data"));

        if (expectedPath is null)
        {
            Assert.True(errors.Count == 0, name + ": " + string.Join(" | ", errors));
        }
        else
        {
            Assert.Equal(expectedPath, Assert.Single(errors).Path);
        }
    }

    [Fact]
    public void ValidateCloudProviderSecret_Errors_NeverContainSecretValues()
    {
        var secret = new Secret { Data = new Dictionary<string, string> { ["metalAPIHMac"] = B64("topsecret"), ["metalAPIKey"] = "not base64!", ["metalAPIURL"] = B64("ftp://x") } };

        var errors = SecretValidation.ValidateCloudProviderSecret(secret, FieldPath.Root("data"));

        Assert.NotEmpty(errors);
        Assert.DoesNotContain(errors, e => e.ToString().Contains("topsecret", StringComparison.Ordinal) || e.ToString().Contains("not base64", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v1", "Secret", true)]
    [InlineData("security.gardener.cloud/v1alpha1", "WorkloadIdentity", false)]
    [InlineData("core.gardener.cloud/v1beta1", "InternalSecret", false)]
    public void ValidateCredentialsBinding_ReferenceKind_OnlyV1Secret(string apiVersion, string kind, bool valid)
    {
        var binding = new CredentialsBinding { CredentialsRef = new CredentialsReference { ApiVersion = apiVersion, Kind = kind, Name = "creds" } };

        var errors = SecretValidation.ValidateCredentialsBinding(binding);

        Assert.Equal(valid, errors.Count == 0);
    }
}
