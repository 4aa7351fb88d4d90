using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GardenerMetal.OsConfig.Model;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// Validates the units and files of a provision OSC and turns them into the translator's internal model:
/// contents decoded, secretRefs resolved, permissions defaulted to 0644. The first problem found is thrown as an
/// <see cref="OsConfigurationException"/> with its field path; nothing is rendered before validation is complete.
/// </summary>
internal static partial class OscNormalizer
{
    /// <summary>Default file mode, 0644.</summary>
    public const int DefaultMode = 0b110_100_100;

    /// <summary>The directory unit files and drop-ins are written to.</summary>
    public const string UnitDirectory = "/etc/systemd/system/";

    private const int MaxMode = 0b111_111_111_111; // 07777
    private const int SystemdLineMax = 2048; // go-systemd SYSTEMD_LINE_MAX, enforced by ignition-validate

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static NormalizedConfig Normalize(IReadOnlyList<Unit>? units, IReadOnlyList<OscFile>? files, IOscSecretSource secrets)
    {
        var unitList = units ?? [];
        var fileList = files ?? [];

        var normalizedUnits = new NormalizedUnit[unitList.Count];
        var unitPaths = new Dictionary<string, (int Unit, int DropIn)>(StringComparer.Ordinal);
        for (var i = 0; i < unitList.Count; i++)
        {
            normalizedUnits[i] = NormalizeUnit(unitList[i], i, unitPaths);
        }

        var normalizedFiles = new NormalizedFile[fileList.Count];
        var filePaths = new Dictionary<string, int>(fileList.Count, StringComparer.Ordinal);
        for (var i = 0; i < fileList.Count; i++)
        {
            normalizedFiles[i] = NormalizeFile(fileList[i], i, secrets);
            var path = normalizedFiles[i].Path;
            if (!filePaths.TryAdd(path, i))
            {
                throw new OsConfigurationException(FilePath(i, "path"), $"duplicate path, also used by spec.files[{filePaths[path]}]");
            }

            if (unitPaths.TryGetValue(path, out var owner))
            {
                var unitField = owner.DropIn < 0 ? $"spec.units[{owner.Unit}]" : $"spec.units[{owner.Unit}].dropIns[{owner.DropIn}]";
                throw new OsConfigurationException(FilePath(i, "path"), $"conflicts with the file written for {unitField}");
            }
        }

        CheckParentConflicts(normalizedFiles, filePaths);

        for (var i = 0; i < unitList.Count; i++)
        {
            var deps = unitList[i].FilePaths;
            if (deps is null)
            {
                continue;
            }

            for (var j = 0; j < deps.Count; j++)
            {
                if (deps[j] is null || !filePaths.ContainsKey(deps[j]))
                {
                    throw new OsConfigurationException($"spec.units[{i}].filePaths[{j}]", "must be the path of a file in spec.files");
                }
            }
        }

        return new NormalizedConfig(normalizedUnits, normalizedFiles);
    }

    private static NormalizedUnit NormalizeUnit(Unit unit, int i, Dictionary<string, (int Unit, int DropIn)> unitPaths)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var name = unit.Name;
        if (string.IsNullOrEmpty(name))
        {
            throw new OsConfigurationException(UnitPath(i, "name"), "is required");
        }

        if (name.Length > 255 || !UnitName().IsMatch(name))
        {
            throw new OsConfigurationException(UnitPath(i, "name"), "is not a valid systemd unit name (name plus a unit type suffix such as .service)");
        }

        var unitFile = UnitDirectory + name;
        if (!unitPaths.TryAdd(unitFile, (i, -1)))
        {
            throw new OsConfigurationException(UnitPath(i, "name"), "duplicate unit name");
        }

        UnitCommand? command = unit.Command switch
        {
            null => null,
            "start" => UnitCommand.Start,
            "restart" => UnitCommand.Restart,
            "stop" => UnitCommand.Stop,
            _ => throw new OsConfigurationException(UnitPath(i, "command"), "unsupported command, supported are \"start\", \"restart\" and \"stop\""),
        };

        if (unit.Content is not null)
        {
            CheckUnitSyntax(unit.Content, i, -1);
        }

        var hasPlaceholder = Placeholders.In(unit.Content);
        var dropIns = Array.Empty<NormalizedDropIn>();
        if (unit.DropIns is { Count: > 0 } sourceDropIns)
        {
            dropIns = new NormalizedDropIn[sourceDropIns.Count];
            for (var j = 0; j < sourceDropIns.Count; j++)
            {
                var d = sourceDropIns[j] ?? throw new OsConfigurationException($"spec.units[{i}].dropIns[{j}]", "must not be null");
                if (string.IsNullOrEmpty(d.Name) || d.Name.Length > 255 || !DropInName().IsMatch(d.Name))
                {
                    throw new OsConfigurationException(DropInPath(i, j, "name"), "must be a file name ending in .conf");
                }

                if (!unitPaths.TryAdd(string.Concat(unitFile, ".d/", d.Name), (i, j)))
                {
                    throw new OsConfigurationException(DropInPath(i, j, "name"), "duplicate drop-in name");
                }

                if (d.Content is null)
                {
                    throw new OsConfigurationException(DropInPath(i, j, "content"), "is required");
                }

                CheckUnitSyntax(d.Content, i, j);
                hasPlaceholder |= Placeholders.In(d.Content);
                dropIns[j] = new NormalizedDropIn(d.Name, d.Content);
            }
        }

        return new NormalizedUnit(name, unit.Content, unit.Enable, command, dropIns, hasPlaceholder);
    }

    private static NormalizedFile NormalizeFile(OscFile file, int i, IOscSecretSource secrets)
    {
        if (file is null)
        {
            throw new OsConfigurationException($"spec.files[{i}]", "must not be null");
        }

        var path = file.Path;
        CheckPath(path, i);

        if (!string.IsNullOrEmpty(file.HostName))
        {
            throw new OsConfigurationException(FilePath(i, "hostName"), "host-specific files are not supported in provision user data, which all machines of a pool share");
        }

        var mode = file.Permissions ?? DefaultMode;
        if (mode is < 0 or > MaxMode)
        {
            throw new OsConfigurationException(FilePath(i, "permissions"), "must be a file mode between 0 and 07777 (octal)");
        }

        var content = file.Content ?? throw new OsConfigurationException(FilePath(i, "content"), "is required");
        var sources = (content.Inline is null ? 0 : 1) + (content.SecretRef is null ? 0 : 1) + (content.ImageRef is null ? 0 : 1);
        if (sources != 1)
        {
            throw new OsConfigurationException(FilePath(i, "content"), "must set exactly one of inline, secretRef and imageRef");
        }

        byte[] bytes;
        if (content.Inline is { } inline)
        {
            bytes = DecodeInline(inline, i);
        }
        else if (content.SecretRef is { } secretRef)
        {
            bytes = ResolveSecret(secretRef, i, secrets);
        }
        else
        {
            throw new OsConfigurationException(FilePath(i, "content.imageRef"), "file contents from container images are not supported by os-metal user data; use inline or secretRef");
        }

        var clear = content.TransmitUnencoded == true || Placeholders.In(bytes);
        return new NormalizedFile(path!, mode, bytes, clear);
    }

    private static byte[] DecodeInline(FileContentInline inline, int i)
    {
        var data = inline.Data ?? throw new OsConfigurationException(FilePath(i, "content.inline.data"), "is required");
        switch (inline.Encoding)
        {
            case null or "":
                return Encoding.UTF8.GetBytes(data);
            case "b64":
                // Exact size for canonical input (no whitespace), so the common case allocates once.
                var padding = data.EndsWith("==", StringComparison.Ordinal) ? 2 : data.EndsWith('=') ? 1 : 0;
                var exact = data.Length % 4 == 0 ? (data.Length / 4 * 3) - padding : -1;
                var buffer = new byte[exact >= 0 ? exact : Base64.GetMaxDecodedFromUtf8Length(data.Length)];
                if (!Convert.TryFromBase64String(data, buffer, out var written))
                {
                    throw new OsConfigurationException(FilePath(i, "content.inline.data"), "is not valid base64 although encoding is \"b64\"");
                }

                return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
            default:
                throw new OsConfigurationException(FilePath(i, "content.inline.encoding"), $"unsupported encoding \"{Printable(inline.Encoding)}\", supported are \"\" (plain) and \"b64\"");
        }
    }

    private static byte[] ResolveSecret(FileContentSecretRef secretRef, int i, IOscSecretSource secrets)
    {
        if (string.IsNullOrEmpty(secretRef.Name))
        {
            throw new OsConfigurationException(FilePath(i, "content.secretRef.name"), "is required");
        }

        if (string.IsNullOrEmpty(secretRef.DataKey))
        {
            throw new OsConfigurationException(FilePath(i, "content.secretRef.dataKey"), "is required");
        }

        if (!secrets.TryGetSecret(secretRef.Name, out var data))
        {
            throw new OsConfigurationException(FilePath(i, "content.secretRef.name"), $"secret \"{Printable(secretRef.Name)}\" not found in the OperatingSystemConfig's namespace");
        }

        if (!data.TryGetValue(secretRef.DataKey, out var value))
        {
            throw new OsConfigurationException(FilePath(i, "content.secretRef.dataKey"), $"secret \"{Printable(secretRef.Name)}\" has no key \"{Printable(secretRef.DataKey)}\"");
        }

        return value;
    }

    private static void CheckPath(string? path, int i)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new OsConfigurationException(FilePath(i, "path"), "is required");
        }

        if (path[0] != '/')
        {
            throw new OsConfigurationException(FilePath(i, "path"), "must be an absolute path");
        }

        if (path.Length == 1 || path.Length > 4096 || path[^1] == '/')
        {
            throw new OsConfigurationException(FilePath(i, "path"), "must name a file (not / and no trailing slash, at most 4096 characters)");
        }

        foreach (var c in path)
        {
            if (char.IsControl(c))
            {
                throw new OsConfigurationException(FilePath(i, "path"), "must not contain control characters");
            }
        }

        foreach (var segment in path.AsSpan(1).Split('/'))
        {
            var s = path.AsSpan(1)[segment];
            if (s.IsEmpty || s is "." or "..")
            {
                throw new OsConfigurationException(FilePath(i, "path"), "must be normalized (no empty, \".\" or \"..\" segments)");
            }
        }
    }

    private static void CheckParentConflicts(NormalizedFile[] files, Dictionary<string, int> filePaths)
    {
        var lookup = filePaths.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < files.Length; i++)
        {
            var path = files[i].Path;
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (lookup.TryGetValue(path.AsSpan(0, slash), out var parent))
                {
                    throw new OsConfigurationException(FilePath(i, "path"), $"lies below spec.files[{parent}], which is a file, not a directory");
                }
            }
        }
    }

    /// <summary>The unit-file syntax ignition-validate (go-systemd's deserializer) accepts.</summary>
    private static void CheckUnitSyntax(string content, int unit, int dropIn)
    {
        var error = CheckUnitSyntax(content);
        if (error is not null)
        {
            throw new OsConfigurationException(dropIn < 0 ? UnitPath(unit, "content") : DropInPath(unit, dropIn, "content"), error);
        }
    }

    private static string? CheckUnitSyntax(string content)
    {
        var continued = false;
        var lineNumber = 0;
        foreach (var range in content.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = content.AsSpan()[range];
            if (Encoding.UTF8.GetByteCount(line) > SystemdLineMax)
            {
                return $"line {lineNumber} is longer than {SystemdLineMax} bytes";
            }

            var wasContinued = continued;
            continued = line.Length > 0 && line[^1] == '\\';
            if (wasContinued)
            {
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.IsEmpty || trimmed[0] is '#' or ';')
            {
                continued = false;
                continue;
            }

            if (trimmed[0] == '[')
            {
                var end = trimmed.IndexOf(']');
                if (end < 0 || !trimmed[(end + 1)..].IsWhiteSpace())
                {
                    return $"line {lineNumber}: malformed section header";
                }

                continued = false;
                continue;
            }

            if (trimmed.IndexOf('=') < 0)
            {
                return $"line {lineNumber}: expected a [Section] header or a key=value line";
            }
        }

        return null;
    }

    internal static bool IsUtf8Text(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Printable(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Length > 64 ? value[..64] : value)
        {
            sb.Append(char.IsControl(c) || c == '"' ? '?' : c);
        }

        return sb.ToString();
    }

    private static string UnitPath(int i, string field) => string.Create(CultureInfo.InvariantCulture, $"spec.units[{i}].{field}");

    private static string DropInPath(int i, int j, string field) => string.Create(CultureInfo.InvariantCulture, $"spec.units[{i}].dropIns[{j}].{field}");

    private static string FilePath(int i, string field) => string.Create(CultureInfo.InvariantCulture, $"spec.files[{i}].{field}");

    [GeneratedRegex(@"^[A-Za-z0-9:_.\\@-]+\.(service|socket|device|mount|automount|swap|target|path|timer|slice|scope)$")]
    private static partial Regex UnitName();

    [GeneratedRegex(@"^[A-Za-z0-9:_.\\@-]+\.conf$")]
    private static partial Regex DropInName();
}
