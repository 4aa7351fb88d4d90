using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GardenerMetal.OsConfig.Model;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>A generated valid provision OSC spec with the Secrets its secretRefs need.</summary>
public sealed record GeneratedOsc(OperatingSystemConfigSpec Spec, DictionarySecretSource Secrets, IReadOnlyDictionary<string, byte[]> FileBytes)
{
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(new OperatingSystemConfig { Spec = Spec }, Serialization.OscJsonContext.Default.OperatingSystemConfig);
}

/// <summary>FsCheck generators for valid OSCs: awkward text (YAML/JSON/URL specials, unicode, CR, tabs, placeholders), binary files, all unit field combinations Ignition can express.</summary>
internal static class OscGenerators
{
    private static readonly string[] TextFragments =
    [
        "a", "Zz", "0", "key: value", "- item", "---", "...", "#", " ", "  ", "\t", "\n", "\n", "\r\n", "\"", "'", "\\", "%", "%3C", "+", "?", "&", "<", ">",
        "{", "}", "[", "]", "|", "*", "!", "@", "`", "~", "ä", "€", "😀", ",", ";", "=", "/", ":",
        "<<BOOTSTRAP_TOKEN>>", "<<MACHINE_NAME>>", "\u0001", "\u007f", "\u0085", "\u2028",
    ];

    private static readonly string[] ValueFragments = ["/usr/bin/x", " --flag=1", "a b", "\"q\"", "ä€", "%", "<<MACHINE_NAME>>", "\\x2d", "$VAR", "'s'", "\t"];

    private static readonly (bool? Enable, string? Command)[] UnitStates =
        [(true, null), (true, "start"), (true, "restart"), (false, null), (false, "stop"), (null, null), (null, "start"), (null, "restart"), (null, "stop")];

    private static readonly string[] UnitSuffixes = [".service", ".socket", ".timer", ".path", ".mount", ".target"];

    public static Gen<string> Text { get; } = Gen.Elements(TextFragments).ListOf().Select(parts => string.Concat(parts));

    private static Gen<byte[]> Bytes { get; } = Gen.Choose(0, 255).Select(i => (byte)i).ArrayOf();

    private static Gen<string> UnitContent { get; } =
        Gen.OneOf(
                Gen.Elements("[Unit]", "[Service]", "[Install]", "# comment", "; other comment", "", "  "),
                Gen.Zip(Gen.Elements("Description", "ExecStart", "Environment", "After", "X-Y"), Gen.Elements(ValueFragments).ListOf())
                    .Select(t => $"{t.Item1}={string.Concat(t.Item2)}"))
            .ListOf()
            .Zip(Gen.Elements("", "\n"))
            .Select(t => string.Join('\n', t.Item1) + t.Item2);

    public static Gen<GeneratedOsc> Osc { get; } =
        from unitCount in Gen.Choose(0, 5)
        from units in Gen.CollectToArray(Enumerable.Range(0, unitCount), UnitGen)
        from fileCount in Gen.Choose(0, 8)
        from files in Gen.CollectToArray(Enumerable.Range(0, fileCount), FileGen)
        select Build(units, files);

    private static Gen<Unit> UnitGen(int i) =>
        from suffix in Gen.Elements(UnitSuffixes)
        from state in Gen.Elements(UnitStates)
        from hasContent in Gen.Elements(true, false)
        from content in UnitContent
        from dropInCount in Gen.Choose(0, 2)
        from dropIns in Gen.CollectToArray(Enumerable.Range(0, dropInCount), j => UnitContent.Select(c => new DropIn { Name = $"{j}0-gen.conf", Content = c }))
        select new Unit
        {
            Name = $"gen-{i}{suffix}",
            Enable = state.Enable,
            Command = state.Command,
            Content = hasContent ? content : null,
            DropIns = dropIns,
        };

    private static Gen<(OscFile File, byte[] Bytes, byte[]? Secret)> FileGen(int i) =>
        from kind in Gen.Choose(0, 2)
        from text in Text
        from bytes in Bytes
        from mode in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 4095).Select(m => (int?)m))
        from unencoded in Gen.Elements<bool?>(null, true, false)
        select MakeFile(i, kind, text, bytes, mode, unencoded);

    private static (OscFile, byte[], byte[]?) MakeFile(int i, int kind, string text, byte[] bytes, int? mode, bool? unencoded)
    {
        var path = $"/etc/gen{i}/file {i}.conf";
        return kind switch
        {
            0 => (new OscFile { Path = path, Permissions = mode, Content = new FileContent { Inline = new FileContentInline { Encoding = "", Data = text }, TransmitUnencoded = unencoded } }, Encoding.UTF8.GetBytes(text), null),
            1 => (new OscFile { Path = path, Permissions = mode, Content = new FileContent { Inline = new FileContentInline { Encoding = "b64", Data = Convert.ToBase64String(bytes) }, TransmitUnencoded = unencoded } }, bytes, null),
            _ => (new OscFile { Path = path, Permissions = mode, Content = new FileContent { SecretRef = new FileContentSecretRef { Name = $"secret-{i}", DataKey = "data" }, TransmitUnencoded = unencoded } }, bytes, bytes),
        };
    }

    private static GeneratedOsc Build(Unit[] units, (OscFile File, byte[] Bytes, byte[]? Secret)[] files)
    {
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, byte[]>>();
        var fileBytes = new Dictionary<string, byte[]>();
        foreach (var (file, bytes, secret) in files)
        {
            fileBytes[file.Path!] = bytes;
            if (secret is not null)
            {
                secrets[file.Content!.SecretRef!.Name!] = new Dictionary<string, byte[]> { ["data"] = secret };
            }
        }

        var spec = new OperatingSystemConfigSpec { Type = "metal", Purpose = "provision", Units = units, Files = files.Select(f => f.File).ToArray() };
        return new GeneratedOsc(spec, new DictionarySecretSource(secrets), fileBytes);
    }
}
