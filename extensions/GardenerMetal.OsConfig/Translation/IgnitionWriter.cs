using System.Buffers.Text;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// Renders a <see cref="NormalizedConfig"/> as compact Ignition spec 3.3.0 JSON.
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
internal static class IgnitionWriter
{
    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    public static void Write(NormalizedConfig config, PooledBuffer output)
    {
        var enabled = new bool?[config.Units.Count];
        var fileForm = 0;
        for (var i = 0; i < config.Units.Count; i++)
        {
            enabled[i] = Enabled(config.Units[i], i);
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
            WriteJsonString(output, unit.Name);
            if (enabled[i] is { } e)
            {
                output.Write(e ? ",\"enabled\":true"u8 : ",\"enabled\":false"u8);
            }

            if (!unit.HasPlaceholder)
            {
                if (unit.Content is not null)
                {
                    output.Write(",\"contents\":"u8);
                    WriteJsonString(output, unit.Content);
                }

                if (unit.DropIns.Count > 0)
                {
                    output.Write(",\"dropins\":["u8);
                    for (var j = 0; j < unit.DropIns.Count; j++)
                    {
                        output.Write(j == 0 ? "{\"name\":"u8 : ",{\"name\":"u8);
                        WriteJsonString(output, unit.DropIns[j].Name);
                        output.Write(",\"contents\":"u8);
                        WriteJsonString(output, unit.DropIns[j].Content);
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

    private static bool? Enabled(NormalizedUnit unit, int index)
    {
        switch (unit.Enable, unit.Command)
        {
            case (true, UnitCommand.Stop):
                throw new OsConfigurationException($"spec.units[{index}].command", "\"stop\" together with enable: true cannot be expressed in Ignition, which runs no commands (enabled units start at boot); use the cloud-init format");
            case (false, UnitCommand.Start or UnitCommand.Restart):
                throw new OsConfigurationException($"spec.units[{index}].command", "\"start\"/\"restart\" together with enable: false cannot be expressed in Ignition, which starts only enabled units; use the cloud-init format");
            case ({ } e, _):
                return e;
            case (null, UnitCommand.Start or UnitCommand.Restart):
                return true;
            case (null, UnitCommand.Stop):
                return false;
            default:
                return null;
        }
    }

    private static void WriteFile(PooledBuffer output, ref bool first, string path, string? pathSuffix, int mode, byte[]? bytes, string? text, bool clear)
    {
        output.Write(first ? "{\"path\":"u8 : ",{\"path\":"u8);
        first = false;
        if (pathSuffix is null)
        {
            WriteJsonString(output, path);
        }
        else
        {
            WriteJsonString(output, string.Concat(path, pathSuffix));
        }

        output.Write(",\"contents\":{\"source\":\""u8);
        if (text is not null)
        {
            // Unit text: percent-encode its UTF-8 bytes straight from the string.
            var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
            WriteDataUrl(output, utf8, clear);
        }
        else
        {
            WriteDataUrl(output, bytes!, clear);
        }

        output.Write("\"},\"mode\":"u8);
        output.WriteInt(mode);
        output.Write(",\"overwrite\":true}"u8);
    }

    private static void WriteDataUrl(PooledBuffer output, ReadOnlySpan<byte> content, bool clear)
    {
        if (!clear)
        {
            output.Write("data:;base64,"u8);
            var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(content.Length));
            Base64.EncodeToUtf8(content, span, out _, out var written);
            output.Advance(written);
            return;
        }

        output.Write("data:,"u8);
        var dest = output.GetSpan(content.Length * 3);
        var n = 0;
        foreach (var b in content)
        {
            if (IsRaw(b))
            {
                dest[n++] = b;
            }
            else
            {
                dest[n++] = (byte)'%';
                dest[n++] = Hex[b >> 4];
                dest[n++] = Hex[b & 0xF];
            }
        }

        output.Advance(n);
    }

    /// <summary>RFC 3986 unreserved characters plus sub-delims and ':', '@', '/' except '+' (form-encoding ambiguity); all accepted by ignition-validate.</summary>
    private static bool IsRaw(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' or (byte)'!' or (byte)'$' or (byte)'&' or (byte)'\''
            or (byte)'(' or (byte)')' or (byte)'*' or (byte)',' or (byte)';' or (byte)'=' or (byte)':' or (byte)'@' or (byte)'/';

    /// <summary>Writes a JSON string; escapes '"', '\\', control characters, DEL, '&lt;' and '&gt;'.</summary>
    internal static void WriteJsonString(PooledBuffer output, string value)
    {
        output.Write((byte)'"');
        var span = value.AsSpan();
        var start = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != 0x7F)
            {
                continue;
            }

            output.WriteUtf8(span[start..i]);
            start = i + 1;
            switch (c)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\t': output.Write("\\t"u8); break;
                case '\r': output.Write("\\r"u8); break;
                default:
                    output.Write("\\u00"u8);
                    output.Write(Hex[c >> 4]);
                    output.Write(Hex[c & 0xF]);
                    break;
            }
        }

        output.WriteUtf8(span[start..]);
        output.Write((byte)'"');
    }
}
