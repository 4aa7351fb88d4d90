using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Serialization;

/// <summary>metav1.MicroTime: RFC 3339 in UTC with microseconds (<c>2024-05-01T10:00:00.123456Z</c>).</summary>
public sealed class MicroTimeConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TimeFormat.Parse(reader.GetString(), "metav1.MicroTime");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
    }
}
