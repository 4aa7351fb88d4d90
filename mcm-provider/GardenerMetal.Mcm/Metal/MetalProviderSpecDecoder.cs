using System.Net;
using System.Text.Json;
using Grpc.Core;
using GardenerMetal.MetalApi;

namespace GardenerMetal.Mcm.Metal;

/// <summary>
/// Decodes and validates the providerSpec JSON. Every problem is an <see cref="RpcException"/> with
/// <see cref="StatusCode.InvalidArgument"/> whose message names the field (e.g. <c>providerSpec.dnsServers[1].ip</c>).
/// Unknown fields are rejected so that a typo never turns into a silent default.
/// </summary>
public static class MetalProviderSpecDecoder
{
    private const string Root = "providerSpec";

    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "apiVersion", "kind", "partition", "size", "image", "project", "network", "networks", "tags", "sshKeys", "dnsServers", "ntpServers", "hostSelector",
    };

    /// <summary>Decodes a providerSpec.</summary>
    public static MetalProviderSpec Decode(ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty)
        {
            throw Invalid(Root, "is empty; the MachineClass has no providerSpec");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Invalid(Root, $"is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(Root, "must be a JSON object");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name))
                {
                    throw Invalid($"{Root}.{property.Name}", "is not a known field (partition, size, image, project, network, networks, tags, sshKeys, dnsServers, ntpServers, hostSelector)");
                }
            }

            var tags = StringList(root, "tags");
            var clusterIds = tags
                .Where(t => t.StartsWith(MetalTags.ClusterId + "=", StringComparison.Ordinal))
                .Select(t => t[(MetalTags.ClusterId.Length + 1)..])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (clusterIds.Count == 0 || clusterIds.Any(string.IsNullOrWhiteSpace))
            {
                throw Invalid($"{Root}.tags", $"must contain the cluster tag '{MetalTags.ClusterId}=<shoot uid>' (machines are scoped by it)");
            }

            if (clusterIds.Count > 1)
            {
                throw Invalid($"{Root}.tags", $"contains the cluster tag '{MetalTags.ClusterId}' with {clusterIds.Count} different values");
            }

            var network = RequiredString(root, "network");
            return new MetalProviderSpec
            {
                Partition = RequiredString(root, "partition"),
                Size = RequiredString(root, "size"),
                Image = RequiredString(root, "image"),
                Project = RequiredString(root, "project"),
                Network = network,
                Networks = ExtraNetworks(root, network),
                Tags = tags,
                SshKeys = StringList(root, "sshKeys"),
                DnsServers = ObjectList(root, "dnsServers", "ip", requireIp: true),
                NtpServers = ObjectList(root, "ntpServers", "address", requireIp: false),
                HostSelector = HostSelector(root),
                ClusterId = clusterIds[0],
            };
        }
    }

    private static string RequiredString(JsonElement root, string name)
    {
        var path = $"{Root}.{name}";
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Invalid(path, "is required");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(path, $"must be a string, found {value.ValueKind}");
        }

        var text = value.GetString()!.Trim();
        return text.Length == 0 ? throw Invalid(path, "must not be empty") : text;
    }

    private static List<string> StringList(JsonElement root, string name)
    {
        var path = $"{Root}.{name}";
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, $"must be a list of strings, found {value.ValueKind}");
        }

        var result = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw Invalid($"{path}[{i}]", "must be a non-empty string");
            }

            result.Add(item.GetString()!.Trim());
            i++;
        }

        return result;
    }

    private static List<string> ExtraNetworks(JsonElement root, string nodeNetwork)
    {
        var networks = StringList(root, "networks");
        var seen = new HashSet<string>(StringComparer.Ordinal) { nodeNetwork };
        for (var i = 0; i < networks.Count; i++)
        {
            if (!seen.Add(networks[i]))
            {
                throw Invalid($"{Root}.networks[{i}]", networks[i] == nodeNetwork
                    ? $"'{networks[i]}' is the node network (providerSpec.network) and is attached already"
                    : $"'{networks[i]}' is given more than once");
            }
        }

        return networks;
    }

    private static List<string> ObjectList(JsonElement root, string name, string field, bool requireIp)
    {
        var path = $"{Root}.{name}";
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, $"must be a list of {{\"{field}\": ...}} objects, found {value.ValueKind}");
        }

        var result = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{i}].{field}";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(field, out var entry) || entry.ValueKind != JsonValueKind.String)
            {
                throw Invalid(itemPath, "is required and must be a string");
            }

            var text = entry.GetString()!.Trim();
            if (text.Length == 0)
            {
                throw Invalid(itemPath, "must not be empty");
            }

            if (requireIp && !IPAddress.TryParse(text, out _))
            {
                throw Invalid(itemPath, $"'{text}' is not an IP address");
            }

            result.Add(text);
            i++;
        }

        return result;
    }

    private static MetalHostSelector? HostSelector(JsonElement root)
    {
        var path = $"{Root}.hostSelector";
        if (!root.TryGetProperty("hostSelector", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "must be an object with matchLabels and/or matchExpressions");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<MetalHostSelectorRequirement>();
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "matchLabels":
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw Invalid($"{path}.matchLabels", "must be a map of strings");
                    }

                    foreach (var label in property.Value.EnumerateObject())
                    {
                        if (label.Value.ValueKind != JsonValueKind.String || label.Name.Length == 0)
                        {
                            throw Invalid($"{path}.matchLabels.{label.Name}", "must be a string");
                        }

                        labels[label.Name] = label.Value.GetString()!;
                    }

                    break;
                case "matchExpressions":
                    if (property.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw Invalid($"{path}.matchExpressions", "must be a list");
                    }

                    var i = 0;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        expressions.Add(Requirement(item, $"{path}.matchExpressions[{i}]"));
                        i++;
                    }

                    break;
                default:
                    throw Invalid($"{path}.{property.Name}", "is not a known field (matchLabels, matchExpressions)");
            }
        }

        return new MetalHostSelector { MatchLabels = labels, MatchExpressions = expressions };
    }

    private static MetalHostSelectorRequirement Requirement(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "must be an object with key, operator and values");
        }

        var key = item.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : string.Empty;
        if (key.Length == 0)
        {
            throw Invalid($"{path}.key", "is required");
        }

        var op = item.TryGetProperty("operator", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : string.Empty;
        var values = new List<string>();
        if (item.TryGetProperty("values", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            {
                throw Invalid($"{path}.values", "must be a list of strings");
            }

            values.AddRange(v.EnumerateArray().Select(x => x.GetString()!));
        }

        switch (op)
        {
            case "In" or "NotIn" when values.Count == 0:
                throw Invalid($"{path}.values", $"must not be empty for operator {op}");
            case "Exists" or "DoesNotExist" when values.Count > 0:
                throw Invalid($"{path}.values", $"must be empty for operator {op}");
            case "In" or "NotIn" or "Exists" or "DoesNotExist":
                return new MetalHostSelectorRequirement { Key = key, Operator = op, Values = values };
            default:
                throw Invalid($"{path}.operator", $"'{op}' is not one of In, NotIn, Exists, DoesNotExist");
        }
    }

    private static RpcException Invalid(string field, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{field} {problem}"));
}
