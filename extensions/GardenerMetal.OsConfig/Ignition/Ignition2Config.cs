using System.Globalization;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Ignition;

/// <summary>
/// Writes compact Ignition <b>spec 2.3.0</b> JSON — the format metal-stack's images accept: their os-installer parses user data
/// with flatcar/ignition v0.36's <c>config/v2_4</c> parser (which takes 2.0–2.4) and rejects any 3.x config.
/// <list type="bullet">
/// <item>files: <c>storage.files[]{filesystem:"root", path, contents.source, mode, user.id, group.id, overwrite:true | append:true}</c>
/// with <c>data:;base64,</c> or percent-encoded <c>data:,</c> URLs;</item>
/// <item>units: <c>systemd.units[]{name, enabled, mask, contents, dropins[]{name, contents}}</c>.</item>
/// </list>
/// JSON strings escape '&lt;' and '&gt;', so an MCM placeholder (<c>&lt;&lt;BOOTSTRAP_TOKEN&gt;&gt;</c>) only survives in a file
/// written <see cref="Ignition2File.Unencoded"/>, in the url-escaped form MCM replaces there. Deterministic: the same input gives
/// byte-identical output. Used by os-metal (provision user data) and by provider-metal (firewall user data).
/// </summary>
public static class Ignition2Config
{
    /// <summary>The spec version written, <c>2.3.0</c>.</summary>
    public const string Version = "2.3.0";

    private const int MaxMode = 0b111_111_111_111; // 07777

    /// <summary>The Ignition JSON (UTF-8) for <paramref name="files"/> and <paramref name="units"/>.</summary>
    /// <exception cref="ArgumentException">A file path that is not absolute, a mode outside 0–07777 or an empty unit/drop-in name, naming the entry.</exception>
    public static byte[] Build(IReadOnlyList<Ignition2File> files, IReadOnlyList<Ignition2Unit> units)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(units);
        long size = 256;
        foreach (var file in files)
        {
            size += 160 + (file.Contents.Length * (file.Unencoded ? 3L : 2L));
        }

        foreach (var unit in units)
        {
            size += 64 + (unit.Contents?.Length ?? 0) * 2L;
        }

        using var buffer = new PooledBuffer((int)Math.Min(size, 64 * 1024 * 1024));
        Write(files, units, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the config into <paramref name="output"/>.</summary>
    internal static void Write(IReadOnlyList<Ignition2File> files, IReadOnlyList<Ignition2Unit> units, PooledBuffer output)
    {
        output.Write("{\"ignition\":{\"version\":\"2.3.0\"}"u8);
        if (files.Count > 0)
        {
            output.Write(",\"storage\":{\"files\":["u8);
            for (var i = 0; i < files.Count; i++)
            {
                WriteFile(output, files[i], i);
            }

            output.Write("]}"u8);
        }

        if (units.Count > 0)
        {
            output.Write(",\"systemd\":{\"units\":["u8);
            for (var i = 0; i < units.Count; i++)
            {
                WriteUnit(output, units[i], i);
            }

            output.Write("]}"u8);
        }

        output.Write((byte)'}');
    }

    private static void WriteFile(PooledBuffer output, Ignition2File file, int index)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (string.IsNullOrEmpty(file.Path) || file.Path[0] != '/')
        {
            throw new ArgumentException(Field("files", index, "path") + " must be an absolute path", nameof(file));
        }

        if (file.Mode is < 0 or > MaxMode)
        {
            throw new ArgumentException(Field("files", index, "mode") + " must be between 0 and 07777", nameof(file));
        }

        output.Write(index == 0 ? "{\"filesystem\":\"root\",\"path\":"u8 : ",{\"filesystem\":\"root\",\"path\":"u8);
        IgnitionText.WriteJsonString(output, file.Path);
        output.Write(",\"contents\":{\"source\":\""u8);
        IgnitionText.WriteDataUrl(output, file.Contents.Span, file.Unencoded);
        output.Write("\"},\"mode\":"u8);
        output.WriteInt(file.Mode);
        if (file.UserId is { } uid)
        {
            output.Write(",\"user\":{\"id\":"u8);
            output.WriteInt(uid);
            output.Write((byte)'}');
        }

        if (file.GroupId is { } gid)
        {
            output.Write(",\"group\":{\"id\":"u8);
            output.WriteInt(gid);
            output.Write((byte)'}');
        }

        output.Write(file.Append ? ",\"append\":true}"u8 : ",\"overwrite\":true}"u8);
    }

    private static void WriteUnit(PooledBuffer output, Ignition2Unit unit, int index)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (string.IsNullOrEmpty(unit.Name))
        {
            throw new ArgumentException(Field("units", index, "name") + " is required", nameof(unit));
        }

        output.Write(index == 0 ? "{\"name\":"u8 : ",{\"name\":"u8);
        IgnitionText.WriteJsonString(output, unit.Name);
        if (unit.Enabled is { } enabled)
        {
            output.Write(enabled ? ",\"enabled\":true"u8 : ",\"enabled\":false"u8);
        }

        if (unit.Mask)
        {
            output.Write(",\"mask\":true"u8);
        }

        if (unit.Contents is not null)
        {
            output.Write(",\"contents\":"u8);
            IgnitionText.WriteJsonString(output, unit.Contents);
        }

        if (unit.DropIns.Count > 0)
        {
            output.Write(",\"dropins\":["u8);
            for (var j = 0; j < unit.DropIns.Count; j++)
            {
                var dropIn = unit.DropIns[j];
                if (string.IsNullOrEmpty(dropIn?.Name))
                {
                    throw new ArgumentException(Field("units", index, "dropins") + string.Create(CultureInfo.InvariantCulture, $"[{j}].name is required"), nameof(unit));
                }

                output.Write(j == 0 ? "{\"name\":"u8 : ",{\"name\":"u8);
                IgnitionText.WriteJsonString(output, dropIn.Name);
                output.Write(",\"contents\":"u8);
                IgnitionText.WriteJsonString(output, dropIn.Contents ?? string.Empty);
                output.Write((byte)'}');
            }

            output.Write((byte)']');
        }

        output.Write((byte)'}');
    }

    private static string Field(string list, int index, string field) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{field}");
}
