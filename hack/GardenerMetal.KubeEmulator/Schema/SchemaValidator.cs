using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Schema;

/// <summary>
/// Validates an object against a CRD's structural openAPIV3Schema (types, required, enum, formats,
/// bounds, patterns) and prunes unknown fields unless x-kubernetes-preserve-unknown-fields.
/// </summary>
internal static class SchemaValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Validates and prunes <paramref name="obj"/> in place; returns the errors and the paths of pruned fields.</summary>
    public static (List<StatusCause> Errors, List<string> Pruned) ValidateAndPrune(JsonObject obj, JsonObject schema)
    {
        var errors = new List<StatusCause>();
        var pruned = new List<string>();
        var properties = schema["properties"] as JsonObject;
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            if (key is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (properties?[key] is JsonObject child)
            {
                var value = obj[key];
                if (value is null && !IsTrue(child, "nullable"))
                {
                    obj.Remove(key);
                    continue;
                }

                Validate(value, child, key, errors, pruned, prune: true);
            }
            else if (!IsTrue(schema, "x-kubernetes-preserve-unknown-fields"))
            {
                obj.Remove(key);
                pruned.Add(key);
            }
        }

        CheckRequired(obj, schema, string.Empty, errors);
        return (errors, pruned);
    }

    private static void Validate(JsonNode? value, JsonObject schema, string path, List<StatusCause> errors, List<string> pruned, bool prune)
    {
        if (value is null)
        {
            if (!IsTrue(schema, "nullable"))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"null\": {path} in body must be of type {(string?)schema["type"] ?? "object"}: \"null\"", path));
            }

            return;
        }

        var intOrString = IsTrue(schema, "x-kubernetes-int-or-string");
        var type = (string?)schema["type"];
        var kind = value.GetValueKind();
        if (intOrString)
        {
            if (kind != JsonValueKind.String && !(kind == JsonValueKind.Number && IsInteger(value)))
            {
                errors.Add(TypeError(path, "integer or string", value));
                return;
            }
        }
        else if (type is not null && !TypeMatches(type, kind, value))
        {
            errors.Add(TypeError(path, type, value));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            var list = string.Join(", ", allowed.Select(a => a?.ToJsonString() ?? "null"));
            errors.Add(new StatusCause("FieldValueNotSupported", $"Unsupported value: {value.ToJsonString()}: supported values: {list}", path));
        }

        switch (value)
        {
            case JsonObject o:
                ValidateObject(o, schema, path, errors, pruned, prune);
                break;
            case JsonArray a:
                ValidateArray(a, schema, path, errors, pruned, prune);
                break;
            default:
                ValidateScalar(value, kind, schema, path, errors);
                break;
        }

        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[combinator] is not JsonArray branches || branches.Count == 0)
            {
                continue;
            }

            var matching = branches.OfType<JsonObject>().Count(b =>
            {
                var branchErrors = new List<StatusCause>();
                Validate(value.DeepClone(), b, path, branchErrors, [], prune: false);
                return branchErrors.Count == 0;
            });
            var ok = combinator switch
            {
                "allOf" => matching == branches.Count,
                "anyOf" => matching >= 1,
                _ => matching == 1,
            };
            if (!ok)
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {Short(value)}: {path} in body must match {combinator} schemas", path));
            }
        }
    }

    private static void ValidateObject(JsonObject o, JsonObject schema, string path, List<StatusCause> errors, List<string> pruned, bool prune)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        var preserve = IsTrue(schema, "x-kubernetes-preserve-unknown-fields");
        var embedded = IsTrue(schema, "x-kubernetes-embedded-resource");
        foreach (var key in o.Select(p => p.Key).ToList())
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            JsonObject? childSchema = properties?[key] as JsonObject;
            if (childSchema is null && additional is JsonObject additionalSchema)
            {
                childSchema = additionalSchema;
            }

            if (childSchema is not null)
            {
                var value = o[key];
                if (value is null && !IsTrue(childSchema, "nullable"))
                {
                    o.Remove(key);
                    continue;
                }

                Validate(value, childSchema, childPath, errors, pruned, prune);
            }
            else if (embedded && key is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }
            else if (additional is JsonValue v && v.GetValueKind() == JsonValueKind.True)
            {
                continue;
            }
            else if (!preserve && prune)
            {
                o.Remove(key);
                pruned.Add(childPath);
            }
        }

        CheckRequired(o, schema, path, errors);
        CheckCount(o.Count, schema, "minProperties", "maxProperties", path, "properties", errors);
    }

    private static void ValidateArray(JsonArray a, JsonObject schema, string path, List<StatusCause> errors, List<string> pruned, bool prune)
    {
        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < a.Count; i++)
            {
                Validate(a[i], items, $"{path}[{i}]", errors, pruned, prune);
            }
        }

        CheckCount(a.Count, schema, "minItems", "maxItems", path, "items", errors);
    }

    private static void ValidateScalar(JsonNode value, JsonValueKind kind, JsonObject schema, string path, List<StatusCause> errors)
    {
        if (kind == JsonValueKind.String)
        {
            var s = (string)value!;
            CheckCount(new StringInfo(s).LengthInTextElements, schema, "minLength", "maxLength", path, "characters", errors);
            if ((string?)schema["pattern"] is { } pattern)
            {
                bool matches;
                try
                {
                    matches = Regex.IsMatch(s, pattern, RegexOptions.None, PatternTimeout);
                }
                catch (RegexMatchTimeoutException)
                {
                    matches = false;
                }
                catch (ArgumentException)
                {
                    matches = true;
                }

                if (!matches)
                {
                    errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{s}\": {path} in body should match '{pattern}'", path));
                }
            }

            if ((string?)schema["format"] is { } format && !FormatMatches(format, s))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{s}\": {path} in body must be of type {format}: \"{s}\"", path));
            }
        }
        else if (kind == JsonValueKind.Number)
        {
            var d = JsonNumbers.ToDouble(value);
            if (schema["minimum"] is JsonValue min && d < JsonNumbers.ToDouble(min))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {value.ToJsonString()}: {path} in body should be greater than or equal to {min.ToJsonString()}", path));
            }

            if (schema["maximum"] is JsonValue max && d > JsonNumbers.ToDouble(max))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {value.ToJsonString()}: {path} in body should be less than or equal to {max.ToJsonString()}", path));
            }

            var format = (string?)schema["format"];
            if ((format == "int32" && (d < int.MinValue || d > int.MaxValue)) || (format == "int64" && (d < long.MinValue || d > long.MaxValue)))
            {
                errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {value.ToJsonString()}: {path} in body must be of type {format}", path));
            }
        }
    }

    private static void CheckRequired(JsonObject o, JsonObject schema, string path, List<StatusCause> errors)
    {
        if (schema["required"] is not JsonArray required)
        {
            return;
        }

        foreach (var r in required)
        {
            var name = r?.ToString() ?? string.Empty;
            if (!o.ContainsKey(name))
            {
                errors.Add(new StatusCause("FieldValueRequired", "Required value", path.Length == 0 ? name : $"{path}.{name}"));
            }
        }
    }

    private static void CheckCount(int count, JsonObject schema, string minKey, string maxKey, string path, string unit, List<StatusCause> errors)
    {
        if (schema[minKey] is JsonValue min && count < JsonNumbers.ToDouble(min))
        {
            errors.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {count}: {path} in body should have at least {min.ToJsonString()} {unit}", path));
        }

        if (schema[maxKey] is JsonValue max && count > JsonNumbers.ToDouble(max))
        {
            errors.Add(new StatusCause("FieldValueTooLong", $"Too long: may not have more than {max.ToJsonString()} {unit}", path));
        }
    }

    private static bool TypeMatches(string type, JsonValueKind kind, JsonNode value) => type switch
    {
        "object" => kind == JsonValueKind.Object,
        "array" => kind == JsonValueKind.Array,
        "string" => kind == JsonValueKind.String,
        "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
        "integer" => kind == JsonValueKind.Number && IsInteger(value),
        "number" => kind == JsonValueKind.Number,
        _ => true,
    };

    private static bool IsInteger(JsonNode value)
    {
        var d = JsonNumbers.ToDouble(value);
        return Math.Abs(d % 1) < double.Epsilon;
    }

    private static StatusCause TypeError(string path, string type, JsonNode value)
    {
        var actual = value.GetValueKind() switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
            _ => "boolean",
        };
        return new StatusCause("FieldValueTypeInvalid", $"Invalid value: \"{actual}\": {path} in body must be of type {type}: \"{actual}\"", path);
    }

    private static string Short(JsonNode value)
    {
        var s = value.ToJsonString();
        return s.Length > 64 ? s[..64] + "…" : s;
    }

    private static bool IsTrue(JsonObject schema, string key) =>
        schema[key] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static bool FormatMatches(string format, string s) => format switch
    {
        "date-time" or "datetime" => IsRfc3339DateTime(s),
        "date" => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "byte" => IsBase64(s),
        "uuid" => Guid.TryParseExact(s, "D", out _),
        "ipv4" => IPAddress.TryParse(s, out var a4) && a4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && s.Count(c => c == '.') == 3,
        "ipv6" => IPAddress.TryParse(s, out var a6) && a6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "cidr" => IPNetwork.TryParse(s, out _),
        "hostname" => s.Length <= 253 && s.Split('.').All(l => l.Length is > 0 and <= 63 && Regex.IsMatch(l, "^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$", RegexOptions.None, PatternTimeout)),
        "mac" => System.Net.NetworkInformation.PhysicalAddress.TryParse(s, out _),
        "duration" => Regex.IsMatch(s, @"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", RegexOptions.None, PatternTimeout) || s == "0",
        _ => true,
    };

    /// <summary>
    /// RFC 3339 date-time as Go's time.Parse(time.RFC3339Nano) accepts it (what kube-apiserver checks):
    /// <c>yyyy-MM-ddTHH:mm:ss</c>, an optional fraction of any number of digits, then <c>Z</c> or <c>±hh:mm</c>.
    /// .NET's format strings stop at 7 fractional digits, so this is checked by hand.
    /// </summary>
    internal static bool IsRfc3339DateTime(string s)
    {
        // 2006-01-02T15:04:05 is 19 characters; the shortest zone is "Z".
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)
            || !TryDigits(s, 11, 2, out var hour) || !TryDigits(s, 14, 2, out var minute) || !TryDigits(s, 17, 2, out var second))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i == s.Length - 1)
        {
            return s[i] == 'Z';
        }

        return i == s.Length - 6 && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':'
            && TryDigits(s, i + 1, 2, out var offsetHours) && offsetHours <= 23
            && TryDigits(s, i + 4, 2, out var offsetMinutes) && offsetMinutes <= 59;
    }

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static bool IsBase64(string s)
    {
        var buffer = new byte[((s.Length * 3) / 4) + 3];
        return Convert.TryFromBase64String(s, buffer, out _);
    }
}
