using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GardenerMetal.McmStandIn;

/// <summary>
/// The hash that names a MachineSet after its MachineDeployment's <c>spec.template</c>: SHA-256 over the template with
/// object keys sorted (so a re-ordered but equal template never triggers a rollout), first 10 hex digits.
/// </summary>
public static class TemplateHash
{
    /// <summary>Computes the hash of <paramref name="template"/> (null hashes like an empty object).</summary>
    public static string Compute(JsonNode? template)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, template);
        }

        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return Convert.ToHexStringLower(hash)[..10];
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteStartObject();
                writer.WriteEndObject();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (value is null)
                    {
                        continue; // absent and null mean the same to the API server
                    }

                    writer.WritePropertyName(key);
                    WriteCanonical(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    if (item is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteCanonical(writer, item);
                    }
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
