using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;

namespace GardenerMetal.KubeEmulator.Auth;

/// <summary>
/// kube-apiserver's RBAC authorizer over the stored Roles, ClusterRoles and bindings: a request is allowed when a
/// binding for the user (or one of its groups) grants a rule matching apiGroup, resource[/subresource], verb and,
/// when the rule names them, the object's name. Discovery and OpenAPI are open to every authenticated user.
/// </summary>
internal sealed class RbacAuthorizer
{
    private readonly ObjectService _service;

    public RbacAuthorizer(ObjectService service) => _service = service;

    public bool Allows(UserInfo user, string verb, string group, string resource, string? subresource, string? ns, string? name)
    {
        if (user.IsAdmin)
        {
            return true;
        }

        var full = subresource is null ? resource : $"{resource}/{subresource}";
        foreach (var rules in BoundRules(user, ns))
        {
            foreach (var rule in rules.OfType<JsonObject>())
            {
                if (Has(rule["apiGroups"], group) && Has(rule["resources"], full) && Has(rule["verbs"], verb)
                    && (rule["resourceNames"] is not JsonArray { Count: > 0 } names || (name is not null && names.Any(n => (string?)n == name))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private IEnumerable<JsonArray> BoundRules(UserInfo user, string? ns)
    {
        foreach (var binding in All(BuiltinResources.ClusterRoleBindings))
        {
            if (Binds(binding, user))
            {
                yield return RulesOf(binding, null);
            }
        }

        if (ns is null)
        {
            yield break;
        }

        foreach (var binding in All(BuiltinResources.RoleBindings).Where(b => (string?)b["metadata"]!["namespace"] == ns))
        {
            if (Binds(binding, user))
            {
                yield return RulesOf(binding, ns);
            }
        }
    }

    private JsonArray RulesOf(JsonObject binding, string? ns)
    {
        var roleRef = binding["roleRef"];
        var name = (string?)roleRef?["name"] ?? string.Empty;
        var role = (string?)roleRef?["kind"] == "ClusterRole"
            ? Find(BuiltinResources.ClusterRoles, name)
            : ns is null ? null : Find(BuiltinResources.Roles, $"{ns}/{name}");
        return role?["rules"] as JsonArray ?? [];
    }

    private static bool Binds(JsonObject binding, UserInfo user) =>
        (binding["subjects"] as JsonArray ?? []).OfType<JsonObject>().Any(s => (string?)s["kind"] switch
        {
            "ServiceAccount" => $"system:serviceaccount:{s["namespace"] ?? binding["metadata"]?["namespace"]}:{s["name"]}" == user.Name,
            "User" => (string?)s["name"] == user.Name,
            "Group" => user.Groups.Contains((string?)s["name"] ?? string.Empty),
            _ => false,
        });

    private static bool Has(JsonNode? list, string value) =>
        list is JsonArray array && array.Any(v => (string?)v == "*" || (string?)v == value);

    private IEnumerable<JsonObject> All(ResourceType type) =>
        _service.Registry.StoreFor(type).Snapshot(out _).Select(o => o.Object);

    private JsonObject? Find(ResourceType type, string key) =>
        _service.Registry.StoreFor(type).TryGet(key, out var obj) ? obj.Object : null;
}
