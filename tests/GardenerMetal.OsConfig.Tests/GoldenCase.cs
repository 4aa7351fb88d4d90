using System.Text;
using System.Text.Json;
using GardenerMetal.OsConfig.Serialization;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>
/// A folder testdata/&lt;case&gt;/ with the input (osc.yaml, or osc.source naming a file under ../shared/reference) and the
/// expected outputs: ignition.json (spec 2.3.0, the default), ignition-3.3.0.json (the operator's explicit 3.x choice) and
/// cloud-init.yaml for provision OSCs, reconcile.json for reconcile OSCs.
/// UPDATE_GOLDEN=1 rewrites the expected files in the source tree.
/// </summary>
internal static class GoldenCase
{
    public static readonly string[] Names = ["example", "node-init", "isolated-debian", "reconcile-isolated"];

    public static string Dir(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", name);

    public static OscDocument Input(string name)
    {
        var dir = Dir(name);
        var source = Path.Combine(dir, "osc.source");
        var file = File.Exists(source)
            ? Path.Combine(RepoPaths.Reference, File.ReadAllText(source).Trim())
            : Path.Combine(dir, "osc.yaml");
        return OscDocumentReader.Read(File.ReadAllText(file));
    }

    /// <summary>Rendered outputs by expected file name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(string name)
    {
        var doc = Input(name);
        var translator = new OscTranslator();
        var outputs = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (doc.Config.Spec!.Purpose == OscTranslator.PurposeReconcile)
        {
            var result = translator.Translate(doc.Config.Spec, doc.Secrets);
            var json = JsonSerializer.Serialize(result.ExtensionFiles, OscJsonContext.Default.IReadOnlyListOscFile);
            outputs["reconcile.json"] = Encoding.UTF8.GetBytes(json);
        }
        else
        {
            outputs["ignition.json"] = translator.Translate(doc.Config.Spec, doc.Secrets, UserDataFormat.Ignition).UserData!;
            outputs["ignition-3.3.0.json"] = translator.Translate(doc.Config.Spec, doc.Secrets, UserDataFormat.Ignition, IgnitionVersion.Spec330).UserData!;
            outputs["cloud-init.yaml"] = translator.Translate(doc.Config.Spec, doc.Secrets, UserDataFormat.CloudInit).UserData!;
        }

        return outputs;
    }

    public static IEnumerable<string> ExpectedFiles(string pattern) =>
        Names.SelectMany(n => Directory.EnumerateFiles(Dir(n), pattern)).Order(StringComparer.Ordinal);
}
