using GardenerMetal.Extensions.Hosting;

namespace GardenerMetal.Extensions.Tests.Hosting;

public sealed class ControllerHostOptionsTests
{
    private static readonly string[] Known = ["infrastructure", "controlplane", "worker"];

    [Fact]
    public void Parse_AllFlags_Applied()
    {
        // Arrange
        string[] args =
        [
            "--controllers=infrastructure,worker", "--max-concurrent-reconciles", "7", "--ignore-operation-annotation",
            "--namespace=extension-provider-metal", "--leader-election=false", "--lease-duration=20s", "--renew-deadline=15s",
            "--retry-period=500ms", "--extension-name=provider-metal", "--heartbeat-renew-interval=30s", "--health-bind-address=127.0.0.1:9090",
            "--backoff-base=2s", "--backoff-max=10m", "--kubeconfig", "/tmp/kc",
        ];

        // Act
        var options = ControllerHostOptions.Parse(args, Known);

        // Assert
        Assert.Equal(["infrastructure", "worker"], options.Controllers);
        Assert.Equal(7, options.MaxConcurrentReconciles);
        Assert.True(options.IgnoreOperationAnnotation);
        Assert.Equal("extension-provider-metal", options.Namespace);
        Assert.False(options.LeaderElection);
        Assert.Equal(TimeSpan.FromSeconds(20), options.LeaseDuration);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RetryPeriod);
        Assert.Equal("provider-metal", options.ExtensionName);
        Assert.Equal("127.0.0.1:9090", options.HealthBindAddress);
        Assert.Equal(TimeSpan.FromMinutes(10), options.BackoffMax);
        Assert.Equal("/tmp/kc", options.Kubeconfig);
    }

    [Fact]
    public void Parse_NoFlags_UpstreamDefaults()
    {
        // Act
        var options = ControllerHostOptions.Parse([], Known);

        // Assert
        Assert.Empty(options.Controllers);
        Assert.Equal(5, options.MaxConcurrentReconciles);
        Assert.False(options.IgnoreOperationAnnotation);
        Assert.True(options.LeaderElection);
        Assert.Equal(TimeSpan.FromSeconds(30), options.HeartbeatRenewInterval);
    }

    [Theory]
    [InlineData("--controllers=bastion", "bastion")]
    [InlineData("--max-concurrent-reconciles=0", "--max-concurrent-reconciles")]
    [InlineData("--max-concurrent-reconciles=many", "--max-concurrent-reconciles")]
    [InlineData("--lease-duration=soon", "--lease-duration")]
    [InlineData("--leader-election=maybe", "--leader-election")]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("--kubeconfig", "--kubeconfig")]
    [InlineData("positional", "positional")]
    public void Parse_BadFlag_ErrorNamesIt(string arg, string named)
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => ControllerHostOptions.Parse([arg], Known));

        // Assert
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RenewDeadlineNotBelowLeaseDuration_Rejected()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => ControllerHostOptions.Parse(["--lease-duration=10s", "--renew-deadline=10s"], Known));

        // Assert
        Assert.Contains("--renew-deadline", ex.Message, StringComparison.Ordinal);
    }
}
