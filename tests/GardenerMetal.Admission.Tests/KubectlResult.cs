namespace GardenerMetal.Admission.Tests;

/// <summary>Exit code and output of one kubectl run.</summary>
internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Stdout + "\nstderr:\n" + Stderr;
}
