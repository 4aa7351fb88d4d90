using System.CommandLine;
using System.Text.Json;
using GardenerMetal.OsConfig.Serialization;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsMetal.Host;

/// <summary>
/// <c>render --osc FILE [--format ignition|cloud-init] [--ignition-version 2.3.0|3.3.0]</c>: prints the user data os-metal produces for an
/// OperatingSystemConfig manifest (Secrets in the same file resolve secretRef contents). Exit code 0 on success,
/// 2 for a configuration problem (message with field path on stderr), 1 for I/O problems.
/// </summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var osc = new Option<FileInfo>("--osc") { Description = "OperatingSystemConfig manifest (YAML/JSON, may contain Secrets)", Required = true };
        var format = new Option<string?>("--format") { Description = "ignition or cloud-init (default: providerConfig.format, else by spec.type)" };
        var ignitionVersion = new Option<string?>("--ignition-version")
        {
            Description = "Ignition spec: 2.3.0 (default; what metal-stack images accept) or 3.3.0 (explicit choice, rejected by metal-stack images)",
        };
        var command = new Command("render", "Print the user data for an OperatingSystemConfig file") { osc, format, ignitionVersion };
        command.SetAction(parse => Run(parse.GetValue(osc)!, parse.GetValue(format), parse.GetValue(ignitionVersion), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, string? formatName, string? ignitionVersionName, TextWriter stdout, TextWriter stderr)
    {
        IgnitionVersion? ignitionVersion = null;
        if (!string.IsNullOrEmpty(ignitionVersionName))
        {
            if (!IgnitionVersions.TryParse(ignitionVersionName, out ignitionVersion))
            {
                stderr.WriteLine($"--ignition-version: unsupported value \"{ignitionVersionName}\", supported are {IgnitionVersions.Supported}");
                return 2;
            }
        }

        UserDataFormat? format = null;
        if (!string.IsNullOrEmpty(formatName))
        {
            if (!UserDataFormats.TryParse(formatName, out format))
            {
                stderr.WriteLine($"--format: unsupported value \"{formatName}\", supported are \"ignition\" and \"cloud-init\"");
                return 2;
            }
        }

        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"--osc: cannot read {file.FullName}: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"--osc: cannot read {file.FullName}: {e.Message}");
            return 1;
        }

        try
        {
            var document = OscDocumentReader.Read(text);
            var spec = document.Config.Spec ?? throw new OsConfigurationException("spec", "is required");
            var result = new OscTranslator().Translate(spec, document.Secrets, format, ignitionVersion);
            if (result.UserData is { } userData)
            {
                stdout.Write(System.Text.Encoding.UTF8.GetString(userData));
                if (result.Format == UserDataFormat.Ignition)
                {
                    stdout.WriteLine();
                }
            }
            else
            {
                var files = JsonSerializer.Serialize(result.ExtensionFiles, OscJsonContext.Default.IReadOnlyListOscFile);
                var units = JsonSerializer.Serialize(result.ExtensionUnits, OscJsonContext.Default.IReadOnlyListUnit);
                stdout.WriteLine($"{{\"purpose\":\"reconcile\",\"extensionUnits\":{units},\"extensionFiles\":{files}}}");
            }

            stdout.Flush();
            return 0;
        }
        catch (OsConfigurationException e)
        {
            stderr.WriteLine($"{OsConfigurationException.ConfigurationProblemCode}: {e.Message}");
            return 2;
        }
    }
}
