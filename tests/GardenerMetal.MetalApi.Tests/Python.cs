using System.Diagnostics;

namespace GardenerMetal.MetalApi.Tests;

/// <summary>Runs /usr/bin/python3 (the system Python with jsonschema) as an independent peer.</summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    public static async Task<string> RunAsync(string script, params string[] args)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is required for this test (install python3)");
        var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(p.ExitCode == 0, $"python failed ({p.ExitCode}): {await stderr}");
        return await stdout;
    }
}
