using System.Net;
using System.Net.Sockets;
using GardenerMetal.LocalUp;

namespace GardenerMetal.EndToEnd.Tests;

/// <summary>`make up`'s checks before it touches anything (issue 20: a second instance destroyed the running one's files).</summary>
public sealed class LocalUpFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("localup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AcquireLock_SecondInstance_RefusedNamingThePidAndFilesUntouched()
    {
        // Arrange
        using var first = LocalUpFiles.AcquireLock(_dir);
        var kubeconfig = Path.Combine(_dir, "kubeconfig");
        File.WriteAllText(kubeconfig, "running instance");

        // Act
        var error = Assert.Throws<LocalUpException>(() => LocalUpFiles.AcquireLock(_dir));

        // Assert
        Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.Equal("running instance", File.ReadAllText(kubeconfig));
    }

    [Fact]
    public void AcquireLock_AfterTheHolderEnded_Granted()
    {
        // Arrange
        LocalUpFiles.AcquireLock(_dir).Dispose();

        // Act
        using var again = LocalUpFiles.AcquireLock(_dir);

        // Assert
        Assert.True(again.CanWrite);
    }

    [Fact]
    public void RequireFreePort_PortTaken_RefusedNamingTheVariable()
    {
        // Arrange
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        // Act
        var error = Assert.Throws<LocalUpException>(() => LocalUpFiles.RequireFreePort(port, "Kubernetes API emulator", "KUBE_PORT"));

        // Assert
        Assert.Contains("KUBE_PORT", error.Message, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RotateLog_PreviousRuns_KeptNewestFirstInsteadOfTruncated()
    {
        // Arrange
        var log = Path.Combine(_dir, "local-up.log");
        File.WriteAllText(log, "run 1");
        LocalUpFiles.RotateLog(log);
        File.WriteAllText(log, "run 2");

        // Act
        LocalUpFiles.RotateLog(log);

        // Assert
        Assert.False(File.Exists(log));
        Assert.Equal("run 2", File.ReadAllText(log + ".1"));
        Assert.Equal("run 1", File.ReadAllText(log + ".2"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void CreateSecretFile_NewFile_OwnerOnly()
    {
        // Arrange
        var path = Path.Combine(_dir, "metal-api.env");

        // Act
        using (var file = LocalUpFiles.CreateSecretFile(path))
        {
            file.WriteByte((byte)'x');
        }

        // Assert
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
