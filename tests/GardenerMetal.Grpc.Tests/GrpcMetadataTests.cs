namespace GardenerMetal.Grpc.Tests;

public sealed class GrpcMetadataTests
{
    [Theory]
    [InlineData("Bad Key")]
    [InlineData("grpc-status")]
    [InlineData("key/slash")]
    public void Add_InvalidKey_Rejected(string key) =>
        Assert.Throws<ArgumentException>(() => new GrpcMetadata().Add(key, "v"));

    [Fact]
    public void Add_NonAsciiTextValue_Rejected() =>
        Assert.Throws<ArgumentException>(() => new GrpcMetadata().Add("x-key", "größe"));

    [Fact]
    public void Add_TextValueForBinKey_Rejected() =>
        Assert.Throws<ArgumentException>(() => new GrpcMetadata().Add("x-key-bin", "text"));

    [Fact]
    public void Add_UppercaseKey_StoredLowercaseAndFound()
    {
        // Arrange
        var metadata = new GrpcMetadata { { "X-Request-Id", "abc" } };

        // Act
        var value = metadata.GetValue("x-request-id");

        // Assert
        Assert.Equal("abc", value);
        Assert.Equal("x-request-id", metadata.Single().Key);
    }

    [Fact]
    public void TryAddFromWire_UnpaddedBase64_Decoded()
    {
        // Arrange
        var metadata = new GrpcMetadata();

        // Act
        var ok = metadata.TryAddFromWire("x-blob-bin", "AP8");

        // Assert
        Assert.True(ok);
        Assert.Equal(new byte[] { 0x00, 0xff }, metadata.GetBytes("x-blob-bin")!.Value.ToArray());
    }
}
