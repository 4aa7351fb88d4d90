using System.Text.Json;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.OsConfig.Serialization;
using GardenerMetal.OsConfig.Translation;
using Model = GardenerMetal.OsConfig.Model;

namespace GardenerMetal.OsConfig.Controllers;

/// <summary>
/// Converts between the extension framework's typed OperatingSystemConfig (GardenerMetal.Extensions.Apis) and the
/// translator's wire model (GardenerMetal.OsConfig.Model), so that the translator reads exactly the JSON the API serves.
/// </summary>
internal static class OscSpecConverter
{
    /// <summary>The translator's view of the resource's spec (through its JSON, as the API serves it).</summary>
    public static Model.OperatingSystemConfigSpec ToModelSpec(OperatingSystemConfig resource)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(resource, ExtensionsJsonContext.Default.OperatingSystemConfig);
        return OscDocumentReader.ParseJson(json).Spec ?? throw new OsConfigurationException("spec", "is required");
    }

    /// <summary>The names of the Secrets <c>spec.files[].content.secretRef</c> refers to (distinct, ordinal order).</summary>
    public static IReadOnlyList<string> ReferencedSecretNames(OperatingSystemConfigSpec spec)
    {
        if (spec.Files is not { Count: > 0 } files)
        {
            return [];
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file?.Content?.SecretRef?.Name is { Length: > 0 } name)
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    /// <summary>Extension files for <c>status.extensionFiles</c>.</summary>
    public static List<OscFile> ToStatusFiles(IReadOnlyList<Model.OscFile> files) =>
        [.. files.Select(f => new OscFile
        {
            Path = f.Path ?? "",
            Permissions = f.Permissions,
            HostName = f.HostName,
            Content = new FileContent
            {
                Inline = f.Content?.Inline is { } inline ? new FileContentInline { Encoding = inline.Encoding ?? "", Data = inline.Data ?? "" } : null,
                SecretRef = f.Content?.SecretRef is { } secretRef ? new FileContentSecretRef { Name = secretRef.Name ?? "", DataKey = secretRef.DataKey ?? "" } : null,
                TransmitUnencoded = f.Content?.TransmitUnencoded,
            },
        })];

    /// <summary>Extension units for <c>status.extensionUnits</c>.</summary>
    public static List<Unit> ToStatusUnits(IReadOnlyList<Model.Unit> units) =>
        [.. units.Select(u => new Unit
        {
            Name = u.Name ?? "",
            Command = u.Command,
            Enable = u.Enable,
            Content = u.Content,
            DropIns = u.DropIns is { Count: > 0 } dropIns ? [.. dropIns.Select(d => new DropIn { Name = d.Name ?? "", Content = d.Content ?? "" })] : null,
            FilePaths = u.FilePaths is { Count: > 0 } paths ? [.. paths] : null,
        })];
}
