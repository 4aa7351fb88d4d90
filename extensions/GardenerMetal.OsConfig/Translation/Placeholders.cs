namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// MCM's user-data placeholders. MCM (machinecontroller/userdata.go) replaces the plain form with
/// strings.ReplaceAll and, only if the plain form occurs nowhere in the user data, the url.QueryEscape form
/// (<c>%3C%3CBOOTSTRAP_TOKEN%3E%3E</c>). So every occurrence in one user data must use the same form:
/// Ignition output carries only the escaped form (JSON strings escape '&lt;' and '&gt;' as \u003c/\u003e,
/// data URLs percent-encode them); cloud-init output carries only the plain form.
/// </summary>
internal static class Placeholders
{
    public const string BootstrapToken = "<<BOOTSTRAP_TOKEN>>";
    public const string MachineName = "<<MACHINE_NAME>>";

    public static ReadOnlySpan<byte> BootstrapTokenUtf8 => "<<BOOTSTRAP_TOKEN>>"u8;

    public static ReadOnlySpan<byte> MachineNameUtf8 => "<<MACHINE_NAME>>"u8;

    public static bool In(string? text) =>
        text is not null && (text.Contains(BootstrapToken, StringComparison.Ordinal) || text.Contains(MachineName, StringComparison.Ordinal));

    public static bool In(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOf(BootstrapTokenUtf8) >= 0 || bytes.IndexOf(MachineNameUtf8) >= 0;
}
