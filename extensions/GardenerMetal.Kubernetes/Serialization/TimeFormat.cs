using System.Globalization;
using System.Text.Json;

namespace GardenerMetal.Kubernetes.Serialization;

internal static class TimeFormat
{
    public static DateTimeOffset Parse(string? text, string what)
    {
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new JsonException($"Invalid {what} value: expected an RFC 3339 timestamp.");
        }

        return value;
    }
}
