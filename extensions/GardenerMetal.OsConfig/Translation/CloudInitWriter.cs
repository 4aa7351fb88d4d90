using System.Buffers.Text;
using System.Text;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// Renders a <see cref="NormalizedConfig"/> as <c>#cloud-config</c>:
/// <list type="bullet">
/// <item><c>write_files</c>: the OSC files (permissions as an octal string; <c>encoding: b64</c>, or clear text when transmitted
/// unencoded), then unit files and drop-ins under /etc/systemd/system;</item>
/// <item><c>runcmd</c>: <c>systemctl daemon-reload</c>, then <c>enable</c>/<c>disable</c> per unit's enable, then
/// <c>start</c>/<c>restart</c>/<c>stop</c> per unit's command, in unit order.</item>
/// </list>
/// MCM placeholders stay in their plain form (the only form in this output).
/// </summary>
internal static class CloudInitWriter
{
    private const string Indent = "    ";

    public static void Write(NormalizedConfig config, PooledBuffer output)
    {
        // Pre-check: placeholders must stay visible, which needs text.
        for (var i = 0; i < config.Files.Count; i++)
        {
            var file = config.Files[i];
            if (file.Clear && !OscNormalizer.IsUtf8Text(file.Content) && Placeholders.In(file.Content))
            {
                throw new OsConfigurationException($"spec.files[{i}].content", "contains an MCM placeholder but is not UTF-8 text, so cloud-init can only carry it base64-encoded where MCM cannot replace it");
            }
        }

        output.Write("#cloud-config\n"u8);
        var anyFile = config.Files.Count > 0;
        foreach (var unit in config.Units)
        {
            anyFile |= unit.Content is not null || unit.DropIns.Count > 0;
        }

        if (anyFile)
        {
            output.Write("write_files:\n"u8);
            foreach (var file in config.Files)
            {
                WriteFileHeader(output, file.Path, null, file.Mode);
                if (file.Clear && OscNormalizer.IsUtf8Text(file.Content))
                {
                    output.Write("  content: "u8);
                    WriteText(output, Encoding.UTF8.GetString(file.Content));
                }
                else
                {
                    output.Write("  encoding: b64\n  content: "u8);
                    if (file.Content.Length == 0)
                    {
                        output.Write("\"\"\n"u8);
                        continue;
                    }

                    var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(file.Content.Length));
                    Base64.EncodeToUtf8(file.Content, span, out _, out var written);
                    output.Advance(written);
                    output.Write((byte)'\n');
                }
            }

            foreach (var unit in config.Units)
            {
                if (unit.Content is not null)
                {
                    WriteFileHeader(output, OscNormalizer.UnitDirectory + unit.Name, null, OscNormalizer.DefaultMode);
                    output.Write("  content: "u8);
                    WriteText(output, unit.Content);
                }

                foreach (var dropIn in unit.DropIns)
                {
                    WriteFileHeader(output, OscNormalizer.UnitDirectory + unit.Name, ".d/" + dropIn.Name, OscNormalizer.DefaultMode);
                    output.Write("  content: "u8);
                    WriteText(output, dropIn.Content);
                }
            }
        }

        var anyCommand = false;
        foreach (var unit in config.Units)
        {
            anyCommand |= unit.Enable is not null || unit.Command is not null;
        }

        if (!anyFile && !(config.Units.Count > 0 && anyCommand))
        {
            output.Write("{}\n"u8); // an empty document is not a cloud-config dict
            return;
        }

        if (config.Units.Count > 0 && (anyFile || anyCommand))
        {
            output.Write("runcmd:\n- [systemctl, daemon-reload]\n"u8);
            foreach (var unit in config.Units)
            {
                if (unit.Enable is { } enable)
                {
                    output.Write(enable ? "- [systemctl, enable, "u8 : "- [systemctl, disable, "u8);
                    WriteQuoted(output, unit.Name);
                    output.Write("]\n"u8);
                }
            }

            foreach (var unit in config.Units)
            {
                if (unit.Command is { } command)
                {
                    output.Write(command switch
                    {
                        UnitCommand.Start => "- [systemctl, start, "u8,
                        UnitCommand.Restart => "- [systemctl, restart, "u8,
                        _ => "- [systemctl, stop, "u8,
                    });
                    WriteQuoted(output, unit.Name);
                    output.Write("]\n"u8);
                }
            }
        }
    }

    private static void WriteFileHeader(PooledBuffer output, string path, string? suffix, int mode)
    {
        output.Write("- path: "u8);
        WriteQuoted(output, suffix is null ? path : string.Concat(path, suffix));
        output.Write("\n  permissions: '0"u8);
        Span<byte> octal = stackalloc byte[4];
        octal[0] = (byte)('0' + ((mode >> 9) & 7));
        octal[1] = (byte)('0' + ((mode >> 6) & 7));
        octal[2] = (byte)('0' + ((mode >> 3) & 7));
        octal[3] = (byte)('0' + (mode & 7));
        output.Write(octal[0] == '0' ? octal[1..] : octal);
        output.Write("'\n"u8);
    }

    /// <summary>Writes text as a literal block scalar when it can be represented exactly that way, else double-quoted; ends the line.</summary>
    private static void WriteText(PooledBuffer output, string text)
    {
        if (text.TrimEnd('\n').Length == 0 || !IsBlockSafe(text))
        {
            WriteQuoted(output, text);
            output.Write((byte)'\n');
            return;
        }

        output.Write((byte)'|');
        var firstContent = text.AsSpan().TrimStart('\n');
        if (firstContent.Length > 0 && firstContent[0] == ' ')
        {
            output.Write((byte)'2'); // content indented by 2 more than the mapping (which sits at 2)
        }

        var trailing = text.Length - text.TrimEnd('\n').Length;
        if (trailing == 0)
        {
            output.Write((byte)'-');
        }
        else if (trailing > 1)
        {
            output.Write((byte)'+');
        }

        output.Write((byte)'\n');
        var body = trailing == 0 ? text.AsSpan() : text.AsSpan(0, text.Length - 1);
        foreach (var range in body.Split('\n'))
        {
            var line = body[range];
            if (!line.IsEmpty)
            {
                output.WriteUtf8(Indent);
                output.WriteUtf8(line);
            }

            output.Write((byte)'\n');
        }
    }

    /// <summary>Printable, no CR, no YAML 1.1 line breaks (NEL, LS, PS), no BOM, no lone surrogates, no whitespace-only leading line, no trailing whitespace-only line issue.</summary>
    private static bool IsBlockSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\t')
            {
                continue;
            }

            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        // Leading lines that are only blanks would confuse indentation detection; a tab right at the start of the
        // first content line is fine, blanks-only lines elsewhere are content.
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan()[range];
            if (line.IsEmpty)
            {
                continue;
            }

            return !line.IsWhiteSpace();
        }

        return true;
    }

    /// <summary>Writes a YAML double-quoted scalar (no line end).</summary>
    internal static void WriteQuoted(PooledBuffer output, string value)
    {
        output.Write((byte)'"');
        var span = value.AsSpan();
        var start = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            var plain = c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && !(c >= 0x80 && c <= 0x9F)
                && c != '\u2028' && c != '\u2029' && c != '\uFEFF' && c != '\uFFFE' && c != '\uFFFF' && !char.IsSurrogate(c);
            if (plain)
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
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
                    output.Write("\\u"u8);
                    ((int)c).TryFormat(output.GetSpan(4), out var hexWritten, "X4", System.Globalization.CultureInfo.InvariantCulture);
                    output.Advance(hexWritten);
                    break;
            }
        }

        output.WriteUtf8(span[start..]);
        output.Write((byte)'"');
    }
}
