namespace GardenerMetal.KubeEmulator.Api;

/// <summary>Per-request write settings: dryRun=All and the fieldValidation directive; collects warnings.</summary>
internal sealed class WriteOptions
{
    public bool DryRun { get; init; }

    /// <summary>Strict, Warn (the server default) or Ignore.</summary>
    public string FieldValidation { get; init; } = "Warn";

    /// <summary>Skips admission webhooks (internal writes such as garbage collection).</summary>
    public bool SkipAdmission { get; init; }

    public List<string> Warnings { get; } = [];

    public static WriteOptions Internal => new() { SkipAdmission = true, FieldValidation = "Ignore" };
}
