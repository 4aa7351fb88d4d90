using System.Net;
using GardenerMetal.Mcm.Transport;

namespace GardenerMetal.Grpc.Tests;

public sealed class GrpcEndpointAddressTests
{
    [Theory]
    [InlineData("unix:///run/mcm/driver.sock", "/run/mcm/driver.sock")]
    [InlineData("unix:/run/mcm/driver.sock", "/run/mcm/driver.sock")]
    public void Parse_UnixAddress_SocketPath(string value, string path)
    {
        // Act
        var address = GrpcEndpointAddress.Parse(value);

        // Assert
        Assert.True(address.IsUnixSocket);
        Assert.Equal(path, address.SocketPath);
        Assert.Equal("unix://" + path, address.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:9000", "127.0.0.1", 9000)]
    [InlineData("localhost:0", "127.0.0.1", 0)]
    [InlineData("[::1]:8080", "::1", 8080)]
    public void Parse_TcpAddress_EndPoint(string value, string ip, int port)
    {
        // Act
        var address = GrpcEndpointAddress.Parse(value);

        // Assert
        Assert.Equal(new IPEndPoint(IPAddress.Parse(ip), port), address.EndPoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("unix://relative.sock", "absolute")]
    [InlineData("127.0.0.1", "neither")]
    [InlineData("127.0.0.1:99999", "port")]
    [InlineData("example.com:80", "not an IP address")]
    public void Parse_BadValue_ErrorNamesArgumentAndProblem(string value, string problem)
    {
        // Act
        var error = Assert.Throws<FormatException>(() => GrpcEndpointAddress.Parse(value, "--driver-listen"));

        // Assert
        Assert.StartsWith("--driver-listen:", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
