using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>Type-specific defaulting and validation of built-in resources.</summary>
internal static class BuiltinRules
{
    private static int _nextClusterIp = 10;

    public static void Prepare(ResourceType type, JsonObject obj, JsonObject? previous, List<StatusCause> errors)
    {
        if (type == BuiltinResources.Secrets)
        {
            PrepareSecret(obj, errors);
        }
        else if (type == BuiltinResources.ConfigMaps)
        {
            CheckStringValues(obj, "data", errors);
            if (obj["binaryData"] is JsonObject binary)
            {
                foreach (var (k, v) in binary)
                {
                    if (v?.GetValueKind() != JsonValueKind.String || !IsBase64((string)v!))
                    {
                        errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: must be base64-encoded bytes", $"binaryData.{k}"));
                    }
                }
            }
        }
        else if (type == BuiltinResources.Namespaces)
        {
            var metadata = (JsonObject)obj["metadata"]!;
            var labels = metadata["labels"] as JsonObject ?? [];
            labels["kubernetes.io/metadata.name"] = metadata["name"]?.ToString();
            metadata["labels"] = labels;
            // Like kube-apiserver: a new namespace gets the "kubernetes" finalizer also when its spec is present but
            // empty ({} from JSON, or the always-written spec of a protobuf body); an update keeps the stored one.
            obj["spec"] ??= new JsonObject();
            if (obj["spec"] is JsonObject spec && spec["finalizers"] is null
                && (previous is null ? new JsonArray("kubernetes") : previous["spec"]?["finalizers"]?.DeepClone()) is { } finalizers)
            {
                spec["finalizers"] = finalizers;
            }

            if (previous is null)
            {
                obj["status"] = new JsonObject { ["phase"] = "Active" };
            }
        }
        else if (type == BuiltinResources.Services)
        {
            var spec = obj["spec"] as JsonObject ?? [];
            obj["spec"] = spec;
            spec["type"] ??= "ClusterIP";
            if (spec["clusterIP"] is null)
            {
                var prior = previous?["spec"]?["clusterIP"]?.ToString();
                var n = Interlocked.Increment(ref _nextClusterIp);
                var ip = prior ?? $"10.0.{(n / 250) % 250}.{(n % 250) + 1}";
                spec["clusterIP"] = ip;
                spec["clusterIPs"] = new JsonArray(ip);
            }

            if (previous is null)
            {
                obj["status"] ??= new JsonObject { ["loadBalancer"] = new JsonObject() };
            }
        }
        else if (type == BuiltinResources.Crds)
        {
            CrdRules.Validate(obj, errors);
        }
        else if (type.Group == "apps")
        {
            WorkloadRules.Prepare(type, obj, previous, errors);
        }
        else if (type == BuiltinResources.RoleBindings || type == BuiltinResources.ClusterRoleBindings)
        {
            RbacRules.ValidateBinding(obj, previous, errors);
        }
        else if (type == BuiltinResources.Roles || type == BuiltinResources.ClusterRoles)
        {
            RbacRules.ValidateRules(obj, errors);
        }
        else if (type == BuiltinResources.PodDisruptionBudgets && obj["spec"] is JsonObject pdb && pdb["minAvailable"] is not null && pdb["maxUnavailable"] is not null)
        {
            errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: minAvailable and maxUnavailable cannot be both set", "spec"));
        }
    }

    private static void PrepareSecret(JsonObject obj, List<StatusCause> errors)
    {
        obj["type"] ??= "Opaque";
        CheckStringValues(obj, "stringData", errors);
        if (obj["data"] is { } data and not JsonObject)
        {
            errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: must be a map of base64 strings", "data"));
            return;
        }

        var map = obj["data"] as JsonObject;
        if (map is not null)
        {
            foreach (var (k, v) in map)
            {
                if (v?.GetValueKind() != JsonValueKind.String || !IsBase64((string)v!))
                {
                    errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: must be base64-encoded bytes", $"data[{k}]"));
                }
            }
        }

        if (obj["stringData"] is JsonObject stringData)
        {
            map ??= [];
            foreach (var (k, v) in stringData)
            {
                map[k] = Convert.ToBase64String(Encoding.UTF8.GetBytes(v?.ToString() ?? string.Empty));
            }

            obj.Remove("stringData");
            obj["data"] = map;
        }
    }

    private static void CheckStringValues(JsonObject obj, string field, List<StatusCause> errors)
    {
        if (obj[field] is null)
        {
            return;
        }

        if (obj[field] is not JsonObject map)
        {
            errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: must be a map of strings", field));
            return;
        }

        foreach (var (k, v) in map)
        {
            if (v?.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: must be a string", $"{field}.{k}"));
            }
        }
    }

    private static bool IsBase64(string s)
    {
        var buffer = new byte[((s.Length * 3) / 4) + 3];
        return Convert.TryFromBase64String(s, buffer, out _);
    }
}
