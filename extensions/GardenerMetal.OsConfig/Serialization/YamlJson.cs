using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GardenerMetal.OsConfig.Serialization;

/// <summary>
/// Converts YAML documents to JSON with the scalar resolution Kubernetes tooling uses (YAML 1.1 as in go-yaml v2 /
/// sigs.k8s.io/yaml): plain <c>0644</c> is octal (420), <c>true/yes/on</c> are booleans, <c>~</c>/<c>null</c> is null;
/// quoted scalars are always strings.
/// </summary>
internal static partial class YamlJson
{
    public static byte[] ToJson(YamlNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode s ? s.Value ?? string.Empty : key.ToString());
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain || tag is "tag:yaml.org,2002:str")
        {
            writer.WriteStringValue(value);
            return;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                writer.WriteBooleanValue(false);
                return;
        }

        var digits = value.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = digits.StartsWith('-');
        var unsigned = digits.TrimStart('+', '-');
        if (Decimal().IsMatch(unsigned) && long.TryParse(unsigned, NumberStyles.None, CultureInfo.InvariantCulture, out var dec)
            && !(unsigned.Length > 1 && unsigned[0] == '0'))
        {
            writer.WriteNumberValue(negative ? -dec : dec);
            return;
        }

        if (Octal11().IsMatch(unsigned) && TryOctal(unsigned.AsSpan(1), out var oct))
        {
            writer.WriteNumberValue(negative ? -oct : oct);
            return;
        }

        if (unsigned.StartsWith("0o", StringComparison.Ordinal) && unsigned.Length > 2 && TryOctal(unsigned.AsSpan(2), out var oct12))
        {
            writer.WriteNumberValue(negative ? -oct12 : oct12);
            return;
        }

        if (unsigned.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(unsigned.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            writer.WriteNumberValue(negative ? -hex : hex);
            return;
        }

        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            writer.WriteNumberValue(d);
            return;
        }

        writer.WriteStringValue(value);
    }

    private static bool TryOctal(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '7' || value > long.MaxValue / 8)
            {
                return false;
            }

            value = (value * 8) + (c - '0');
        }

        return !digits.IsEmpty;
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Decimal();

    [GeneratedRegex("^0[0-7]+$")]
    private static partial Regex Octal11();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
