using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Serialization;

/// <summary>metav1.Time: RFC 3339 in UTC with whole seconds (<c>2024-05-01T10:00:00Z</c>).</summary>
public sealed class KubernetesTimeConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TimeFormat.Parse(reader.GetString(), "metav1.Time");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
