namespace GardenerMetal.Mcm.Driver;

/// <summary>
/// The placeholders MCM replaces in the MachineClass secret's <c>userData</c> before CreateMachine
/// (machinecontroller/userdata.go, PR #743): <c>&lt;&lt;BOOTSTRAP_TOKEN&gt;&gt;</c> and <c>&lt;&lt;MACHINE_NAME&gt;&gt;</c>,
/// in plain form and URL-escaped (<c>%3C%3C…%3E%3E</c>, as they appear inside Ignition <c>data:</c> URLs).
/// </summary>
public static class UserDataPlaceholders
{
    /// <summary>The bootstrap token placeholder.</summary>
    public const string BootstrapToken = "<<BOOTSTRAP_TOKEN>>";

    /// <summary>The machine name placeholder.</summary>
    public const string MachineName = "<<MACHINE_NAME>>";

    /// <summary>Replaces both placeholders, plain and URL-escaped (values are URL-escaped in the escaped form).</summary>
    public static string Replace(string userData, string bootstrapToken, string machineName)
    {
        ArgumentNullException.ThrowIfNull(userData);
        ArgumentNullException.ThrowIfNull(bootstrapToken);
        ArgumentNullException.ThrowIfNull(machineName);
        return ReplaceMachineName(userData, machineName)
            .Replace(BootstrapToken, bootstrapToken, StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(BootstrapToken), Uri.EscapeDataString(bootstrapToken), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Replaces only the machine name placeholder, plain and URL-escaped.</summary>
    public static string ReplaceMachineName(string userData, string machineName)
    {
        ArgumentNullException.ThrowIfNull(userData);
        ArgumentNullException.ThrowIfNull(machineName);
        return userData
            .Replace(MachineName, machineName, StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(MachineName), Uri.EscapeDataString(machineName), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the bootstrap token placeholder is still there (plain or URL-escaped).</summary>
    public static bool ContainsBootstrapToken(string userData)
    {
        ArgumentNullException.ThrowIfNull(userData);
        return userData.Contains(BootstrapToken, StringComparison.Ordinal) ||
            userData.Contains(Uri.EscapeDataString(BootstrapToken), StringComparison.OrdinalIgnoreCase);
    }
}
