using GardenerMetal.OsConfig.Ignition;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// Renders a <see cref="NormalizedConfig"/> as compact Ignition spec 3.3.0 JSON — only when an operator asks for it
/// (<c>--ignition-version TYPE=3.3.0</c>): metal-stack images parse spec 2.x only (see <see cref="Ignition2Writer"/>, the default).
/// <list type="bullet">
/// <item>files: <c>storage.files[]{path, contents.source, mode, overwrite:true}</c>; contents are <c>data:;base64,</c> URLs, or
/// percent-encoded <c>data:,</c> URLs when the content is transmitted unencoded (transmitUnencoded or an MCM placeholder inside);</item>
/// <item>units: <c>systemd.units[]{name, enabled, contents, dropins}</c>. Ignition cannot run commands, so
/// <c>command: start|restart</c> means enabled and <c>stop</c> means not enabled; contradicting <c>enable</c> is a configuration problem;</item>
/// <item>a unit whose content or drop-ins contain an MCM placeholder is written as files under /etc/systemd/system
/// (data URLs keep the placeholder in MCM's url-escaped form, which a JSON string cannot).</item>
/// </list>
/// JSON strings escape '&lt;' and '&gt;', so the plain placeholder never occurs in the output and MCM's url-escaped
/// replacement applies to every occurrence.
/// </summary>
internal static class Ignition3Writer
{
    public static void Write(NormalizedConfig config, PooledBuffer output)
    {
        var enabled = new bool?[config.Units.Count];
        var fileForm = 0;
        for (var i = 0; i < config.Units.Count; i++)
        {
            enabled[i] = IgnitionUnitState.Enabled(config.Units[i], i);
            if (config.Units[i].HasPlaceholder)
            {
                fileForm++;
            }
        }

        output.Write("{\"ignition\":{\"version\":\"3.3.0\"}"u8);

        if (config.Files.Count > 0 || fileForm > 0)
        {
            output.Write(",\"storage\":{\"files\":["u8);
            var first = true;
            foreach (var file in config.Files)
            {
                WriteFile(output, ref first, file.Path, null, file.Mode, file.Content, null, file.Clear);
            }

            foreach (var unit in config.Units)
            {
                if (!unit.HasPlaceholder)
                {
                    continue;
                }

                if (unit.Content is not null)
                {
                    WriteFile(output, ref first, OscNormalizer.UnitDirectory + unit.Name, null, OscNormalizer.DefaultMode, null, unit.Content, clear: true);
                }

                foreach (var dropIn in unit.DropIns)
                {
                    WriteFile(output, ref first, OscNormalizer.UnitDirectory + unit.Name, ".d/" + dropIn.Name, OscNormalizer.DefaultMode, null, dropIn.Content, clear: true);
                }
            }

            output.Write("]}"u8);
        }

        var anyUnit = false;
        for (var i = 0; i < config.Units.Count; i++)
        {
            var unit = config.Units[i];
            if (unit.HasPlaceholder && enabled[i] is null)
            {
                continue;
            }

            output.Write(anyUnit ? ",{\"name\":"u8 : ",\"systemd\":{\"units\":[{\"name\":"u8);
            anyUnit = true;
            IgnitionText.WriteJsonString(output, unit.Name);
            if (enabled[i] is { } e)
            {
                output.Write(e ? ",\"enabled\":true"u8 : ",\"enabled\":false"u8);
            }

            if (!unit.HasPlaceholder)
            {
                if (unit.Content is not null)
                {
                    output.Write(",\"contents\":"u8);
                    IgnitionText.WriteJsonString(output, unit.Content);
                }

                if (unit.DropIns.Count > 0)
                {
                    output.Write(",\"dropins\":["u8);
                    for (var j = 0; j < unit.DropIns.Count; j++)
                    {
                        output.Write(j == 0 ? "{\"name\":"u8 : ",{\"name\":"u8);
                        IgnitionText.WriteJsonString(output, unit.DropIns[j].Name);
                        output.Write(",\"contents\":"u8);
                        IgnitionText.WriteJsonString(output, unit.DropIns[j].Content);
                        output.Write((byte)'}');
                    }

                    output.Write((byte)']');
                }
            }

            output.Write((byte)'}');
        }

        if (anyUnit)
        {
            output.Write("]}"u8);
        }

        output.Write((byte)'}');
    }

    private static void WriteFile(PooledBuffer output, ref bool first, string path, string? pathSuffix, int mode, byte[]? bytes, string? text, bool clear)
    {
        output.Write(first ? "{\"path\":"u8 : ",{\"path\":"u8);
        first = false;
        if (pathSuffix is null)
        {
            IgnitionText.WriteJsonString(output, path);
        }
        else
        {
            IgnitionText.WriteJsonString(output, string.Concat(path, pathSuffix));
        }

        output.Write(",\"contents\":{\"source\":\""u8);
        if (text is not null)
        {
            IgnitionText.WriteDataUrl(output, text, clear);
        }
        else
        {
            IgnitionText.WriteDataUrl(output, bytes!, clear);
        }

        output.Write("\"},\"mode\":"u8);
        output.WriteInt(mode);
        output.Write(",\"overwrite\":true}"u8);
    }
}
