namespace GardenerMetal.Grpc.Tests;

/// <summary>Files the tests use.</summary>
internal static class TestPaths
{
    public static string Protos => Path.Combine(AppContext.BaseDirectory, "Protos");

    public static string Python => Path.Combine(AppContext.BaseDirectory, "testdata", "python");

    /// <summary>A fresh unix socket path (short: sun_path is limited to 108 bytes).</summary>
    public static string NewSocketPath() => Path.Combine(Path.GetTempPath(), $"gm-grpc-{Guid.NewGuid():N}"[..20] + ".sock");
}
