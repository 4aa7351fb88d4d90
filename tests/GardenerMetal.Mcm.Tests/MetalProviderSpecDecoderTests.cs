using System.Text;
using GardenerMetal.Mcm.Metal;
using Grpc.Core;

namespace GardenerMetal.Mcm.Tests;

public sealed class MetalProviderSpecDecoderTests
{
    private const string Full = """
        {"apiVersion":"mcm.metal-stack.io/v1alpha1","kind":"ProviderSpec",
         "partition":"p1","size":"s1","image":"ubuntu","project":"proj","network":"net","networks":["internet","storage"],
         "tags":["cluster.metal-stack.io/id=uid-1","kubernetes.io/role=node"],
         "sshKeys":["ssh-ed25519 AAAA"],
         "dnsServers":[{"ip":"1.1.1.1"},{"ip":"2001:db8::1"}],
         "ntpServers":[{"address":"pool.ntp.org"}],
         "hostSelector":{"matchLabels":{"rack":"r1"},"matchExpressions":[{"key":"gpu","operator":"DoesNotExist"}]}}
        """;

    [Fact]
    public void Decode_FullSpec_EveryFieldRead()
    {
        // Act
        var spec = MetalProviderSpecDecoder.Decode(Encoding.UTF8.GetBytes(Full));

        // Assert
        Assert.Equal(("p1", "s1", "ubuntu", "proj", "net"), (spec.Partition, spec.Size, spec.Image, spec.Project, spec.Network));
        Assert.Equal(["internet", "storage"], spec.Networks);
        Assert.Equal("uid-1", spec.ClusterId);
        Assert.Equal("cluster.metal-stack.io/id=uid-1", spec.ClusterTag);
        Assert.Equal(["ssh-ed25519 AAAA"], spec.SshKeys);
        Assert.Equal(["1.1.1.1", "2001:db8::1"], spec.DnsServers);
        Assert.Equal(["pool.ntp.org"], spec.NtpServers);
        Assert.True(spec.HostSelector!.Matches(["rack=r1", "other"]));
        Assert.False(spec.HostSelector.Matches(["rack=r2"]));
        Assert.False(spec.HostSelector.Matches(["rack=r1", "gpu=a100"]));
    }

    [Theory]
    [InlineData("", "providerSpec is empty")]
    [InlineData("[]", "providerSpec must be a JSON object")]
    [InlineData("{", "providerSpec is not valid JSON")]
    [InlineData("""{"partition":"p","size":"s","image":"i","project":"p","network":"n","tags":["cluster.metal-stack.io/id=a","cluster.metal-stack.io/id=b"]}""", "providerSpec.tags contains the cluster tag")]
    [InlineData("""{"partition":"p","size":"s","image":"i","project":"p","network":"n","tags":["cluster.metal-stack.io/id="]}""", "providerSpec.tags must contain the cluster tag")]
    [InlineData("""{"partition":"p","size":"s","image":"i","project":"p","network":"n","tags":["cluster.metal-stack.io/id=a"],"hostSelector":{"matchExpressions":[{"key":"k","operator":"In"}]}}""", "providerSpec.hostSelector.matchExpressions[0].values must not be empty")]
    public void Decode_BadSpec_InvalidArgumentNamingField(string json, string expected)
    {
        // Act
        var error = Assert.Throws<RpcException>(() => MetalProviderSpecDecoder.Decode(Encoding.UTF8.GetBytes(json)));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(expected, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metal:///p1/abc-123", true, "p1", "abc-123")]
    [InlineData("metal:////abc-123", false, "", "")]
    [InlineData("metal:///p1/", false, "", "")]
    [InlineData("aws:///p1/abc", false, "", "")]
    public void MetalProviderId_TryParse_ReadsPartitionAndUuid(string value, bool ok, string partition, string uuid)
    {
        // Act
        var parsed = MetalProviderId.TryParse(value, out var p, out var u);

        // Assert
        Assert.Equal(ok, parsed && p.Length > 0);
        if (ok)
        {
            Assert.Equal((partition, uuid), (p, u));
        }
    }
}
