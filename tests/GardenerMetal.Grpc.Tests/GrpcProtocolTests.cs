namespace GardenerMetal.Grpc.Tests;

public sealed class GrpcProtocolTests
{
    [Theory]
    [InlineData("100m", 100 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5S", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("2M", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1H", TimeSpan.TicksPerHour)]
    [InlineData("250u", 2500)]
    [InlineData("1000n", 10)]
    [InlineData("99999999S", 99999999 * TimeSpan.TicksPerSecond)]
    public void TryParseTimeout_ValidValue_Parsed(string value, long ticks)
    {
        // Act
        var ok = GrpcProtocol.TryParseTimeout(value, out var timeout);

        // Assert
        Assert.True(ok);
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-5S")]
    [InlineData("123456789S")]
    public void TryParseTimeout_InvalidValue_Rejected(string value) =>
        Assert.False(GrpcProtocol.TryParseTimeout(value, out _));

    [Theory]
    [InlineData(0.0001)]
    [InlineData(0.3)]
    [InlineData(30)]
    [InlineData(86400 * 30)]
    [InlineData(86400 * 365 * 20)]
    public void FormatTimeout_AnyTimeout_AtMostEightDigitsAndNotShorter(double seconds)
    {
        // Arrange
        var timeout = TimeSpan.FromSeconds(seconds);

        // Act
        var text = GrpcProtocol.FormatTimeout(timeout);

        // Assert
        Assert.InRange(text.Length, 2, 9);
        Assert.True(GrpcProtocol.TryParseTimeout(text, out var back));
        Assert.True(back >= timeout, $"{text} is shorter than {timeout}");
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("größe", "gr%C3%B6%C3%9Fe")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void EncodeMessage_Text_PercentEncodedAndDecodedBack(string message, string wire)
    {
        // Act
        var encoded = GrpcProtocol.EncodeMessage(message);

        // Assert
        Assert.Equal(wire, encoded);
        Assert.Equal(message, GrpcProtocol.DecodeMessage(encoded));
    }

    [Fact]
    public void DecodeMessage_MalformedEscape_KeptVerbatim() =>
        Assert.Equal("50%zz", GrpcProtocol.DecodeMessage("50%zz"));

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void IsGrpcContentType_Value_Recognised(string? contentType, bool expected) =>
        Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));

    [Fact]
    public void TryParseStatusCode_Uninitialized_Read() =>
        Assert.True(GrpcProtocol.TryParseStatusCode("17", out var code) && code == GrpcStatusCode.Uninitialized);
}
