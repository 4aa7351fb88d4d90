using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>
/// Strict decoding of the provider kinds: unknown or duplicate fields, wrong types, and a wrong
/// apiVersion/kind become field errors naming the JSON path below the given base path.
/// </summary>
public static class ProviderConfigDecoder
{
    public static DecodeResult<InfrastructureConfig> DecodeInfrastructureConfig(JsonElement json, FieldPath path) =>
        Decode(json, path, nameof(InfrastructureConfig), MetalJsonContext.Default.InfrastructureConfig, c => (c.ApiVersion, c.Kind));

    public static DecodeResult<ControlPlaneConfig> DecodeControlPlaneConfig(JsonElement json, FieldPath path) =>
        Decode(json, path, nameof(ControlPlaneConfig), MetalJsonContext.Default.ControlPlaneConfig, c => (c.ApiVersion, c.Kind));

    public static DecodeResult<WorkerConfig> DecodeWorkerConfig(JsonElement json, FieldPath path) =>
        Decode(json, path, nameof(WorkerConfig), MetalJsonContext.Default.WorkerConfig, c => (c.ApiVersion, c.Kind));

    public static DecodeResult<CloudProfileConfig> DecodeCloudProfileConfig(JsonElement json, FieldPath path) =>
        Decode(json, path, nameof(CloudProfileConfig), MetalJsonContext.Default.CloudProfileConfig, c => (c.ApiVersion, c.Kind));

    public static DecodeResult<InfrastructureStatus> DecodeInfrastructureStatus(JsonElement json, FieldPath path) =>
        Decode(json, path, nameof(InfrastructureStatus), MetalJsonContext.Default.InfrastructureStatus, c => (c.ApiVersion, c.Kind));

    public static DecodeResult<WorkerStatus> DecodeWorkerStatus(JsonElement json, FieldPath path) =>
        Decode(json, path, nameof(WorkerStatus), MetalJsonContext.Default.WorkerStatus, c => (c.ApiVersion, c.Kind));

    private static DecodeResult<T> Decode<T>(JsonElement json, FieldPath path, string kind, JsonTypeInfo<T> typeInfo, Func<T, (string? ApiVersion, string? Kind)> typeMeta)
        where T : class
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return Fail<T>(FieldError.Invalid(path, json.ValueKind.ToString(), "must be a " + kind + " object"));
        }

        T? value;
        try
        {
            value = json.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            return Fail<T>(ToFieldError(ex, path));
        }

        if (value is null)
        {
            return Fail<T>(FieldError.Required(path, kind + " must be set"));
        }

        var errors = new List<FieldError>();
        var (apiVersion, actualKind) = typeMeta(value);
        if (apiVersion != MetalProviderApi.Version)
        {
            errors.Add(FieldError.NotSupported(path.Child("apiVersion"), apiVersion, [MetalProviderApi.Version]));
        }

        if (actualKind != kind)
        {
            errors.Add(FieldError.NotSupported(path.Child("kind"), actualKind, [kind]));
        }

        return new DecodeResult<T>(errors.Count == 0 ? value : null, errors);
    }

    private static DecodeResult<T> Fail<T>(FieldError error)
        where T : class => new(null, [error]);

    /// <summary>Maps a System.Text.Json failure to a field error at the JSON path it names.</summary>
    internal static FieldError ToFieldError(JsonException ex, FieldPath basePath)
    {
        var fieldPath = AppendJsonPath(basePath, ex.Path);
        var message = ex.Message;
        const string unmappedPrefix = "The JSON property '";
        if (message.StartsWith(unmappedPrefix, StringComparison.Ordinal) && message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var end = message.IndexOf('\'', unmappedPrefix.Length);
            var name = end > unmappedPrefix.Length ? message[unmappedPrefix.Length..end] : "?";
            // Depending on the runtime, the path may or may not already end with the unknown member.
            if (!fieldPath.Value.EndsWith("." + name, StringComparison.Ordinal) && !fieldPath.Value.EndsWith("[" + name + "]", StringComparison.Ordinal))
            {
                fieldPath = fieldPath.Child(name);
            }

            return new FieldError(fieldPath.Value, FieldErrorType.NotSupported, "unknown field \"" + name + "\"", name);
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return FieldError.Duplicate(fieldPath, fieldPath.Value[(fieldPath.Value.LastIndexOf('.') + 1)..]);
        }

        return FieldError.Invalid(fieldPath, null, "cannot be decoded: the value has the wrong type or format");
    }

    /// <summary>Members whose JSON object is a map: the next path segment is a key, rendered <c>[key]</c>.</summary>
    private static readonly HashSet<string> MapMembers = new(StringComparer.Ordinal)
    {
        "metalControlPlanes", "partitions", "firewallNetworks", "matchLabels", "featureGates",
    };

    private static FieldPath AppendJsonPath(FieldPath basePath, string? jsonPath)
    {
        var previous = string.Empty;
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return basePath;
        }

        var path = basePath;
        var i = jsonPath[0] == '$' ? 1 : 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = i + 1;
                while (end < jsonPath.Length && jsonPath[end] != '.' && jsonPath[end] != '[')
                {
                    end++;
                }

                var segment = jsonPath[(i + 1)..end];
                path = MapMembers.Contains(previous) ? path.Key(segment) : path.Child(segment);
                previous = MapMembers.Contains(previous) ? string.Empty : segment;
                i = end;
            }
            else if (jsonPath[i] == '[')
            {
                if (i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'')
                {
                    var close = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                    close = close < 0 ? jsonPath.Length : close;
                    var segment = jsonPath[(i + 2)..close];
                    path = MapMembers.Contains(previous) ? path.Key(segment) : path.Child(segment);
                    previous = MapMembers.Contains(previous) ? string.Empty : segment;
                    i = Math.Min(jsonPath.Length, close + 2);
                }
                else
                {
                    var close = jsonPath.IndexOf(']', i);
                    close = close < 0 ? jsonPath.Length : close;
                    path = int.TryParse(jsonPath.AsSpan(i + 1, close - i - 1), out var index) ? path.Index(index) : path.Key(jsonPath[(i + 1)..close]);
                    previous = string.Empty;
                    i = close + 1;
                }
            }
            else
            {
                i++;
            }
        }

        return path;
    }
}
