using System.Text;

namespace GardenerMetal.MetalApi.Tests;

public class MetalHmacTests
{
    public static readonly TheoryData<string, string, string, string> Vectors = new()
    {
        { "must-be-changed", "2026-01-02T15:04:05Z", "GET", "abcdefghijklmnopqrstuvwx" },
        { "s3cr3t-admin-key", "2025-12-31T23:59:59Z", "POST", "QWERTYuiopASDFGHjklZXCVB" },
        { "k", "2026-06-23T00:00:00Z", "DELETE", "zzzzzzzzzzzzzzzzzzzzzzzz" },
        { "ünïcødé-key", "2026-02-28T12:00:00Z", "PUT", "" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task ComputeSignature_VectorFromPythonHmac_Matches(string key, string ts, string method, string salt)
    {
        // Arrange: computed independently with Python's hmac module.
        var expected = (await Python.RunAsync(
            "import hmac,hashlib,sys; print(hmac.new(sys.argv[1].encode(), (sys.argv[2]+sys.argv[3]+sys.argv[4]).encode(), hashlib.sha256).hexdigest())",
            key, ts, method, salt).WaitAsync(TimeSpan.FromSeconds(60))).Trim();

        // Act
        var actual = MetalHmac.ComputeSignature(Encoding.UTF8.GetBytes(key), ts, method, salt);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void FormatTimestamp_NonUtcOffset_IsRfc3339UtcSeconds()
    {
        var t = new DateTimeOffset(2026, 1, 2, 17, 4, 5, 678, TimeSpan.FromHours(2));

        Assert.Equal("2026-01-02T15:04:05Z", MetalHmac.FormatTimestamp(t));
    }

    [Fact]
    public void CreateSalt_Always_Is24AsciiLettersAndRandom()
    {
        var a = MetalHmac.CreateSalt();
        var b = MetalHmac.CreateSalt();

        Assert.Equal(24, a.Length);
        Assert.All(a, c => Assert.True(char.IsAsciiLetter(c), $"'{c}' is not an ASCII letter"));
        Assert.NotEqual(a, b);
    }
}
