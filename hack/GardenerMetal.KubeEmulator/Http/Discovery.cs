using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;

namespace GardenerMetal.KubeEmulator.Http;

/// <summary>Discovery documents (/api, /apis, /apis/g, resource lists) and the OpenAPI v3 index kubectl reads.</summary>
internal static class Discovery
{
    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject Version(string gitVersion) => new()
    {
        ["major"] = "1",
        ["minor"] = gitVersion.Split('.').ElementAtOrDefault(1) ?? "32",
        ["gitVersion"] = gitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
        ["emulation"] = "gardenermetal-kube-emulator",
    };

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry registry)
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in registry.Groups.Where(g => g.Group.Length > 0))
        {
            groups.Add(Group(group, versions));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject? Group(ResourceRegistry registry, string group)
    {
        var entry = registry.Groups.FirstOrDefault(g => g.Group == group && group.Length > 0);
        if (entry.Versions is null)
        {
            return null;
        }

        var doc = Group(group, entry.Versions);
        doc["kind"] = "APIGroup";
        doc["apiVersion"] = "v1";
        return doc;
    }

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0 && !(group.Length == 0 && version == "v1"))
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var t in types)
        {
            var r = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = new JsonArray([.. Verbs.Select(v => (JsonNode)JsonValue.Create(v))]),
            };
            if (t.ShortNames.Count > 0)
            {
                r["shortNames"] = new JsonArray([.. t.ShortNames.Select(v => (JsonNode)JsonValue.Create(v))]);
            }

            if (t.Categories.Count > 0)
            {
                r["categories"] = new JsonArray([.. t.Categories.Select(v => (JsonNode)JsonValue.Create(v))]);
            }

            resources.Add(r);
            if (t.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = t.Plural + "/status",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = t.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }

            if (t.Scale is not null)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = t.Plural + "/scale",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = t.Namespaced,
                    ["group"] = "autoscaling",
                    ["version"] = "v1",
                    ["kind"] = "Scale",
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>/openapi/v3: one entry per group/version.</summary>
    public static JsonObject OpenApiIndex(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var (group, versions) in registry.Groups)
        {
            foreach (var v in versions)
            {
                var key = group.Length == 0 ? $"api/{v}" : $"apis/{group}/{v}";
                var hash = string.Join(",", registry.All.Where(t => t.Group == group && t.Version == v).Select(t => t.Plural)).GetHashCode(StringComparison.Ordinal);
                paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={(uint)hash:X8}" };
            }
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>
    /// /openapi/v3/apis/g/v: paths with the fieldValidation parameter (so kubectl leaves validation to
    /// the server) and, for custom resources, the openAPIV3Schema as a component.
    /// </summary>
    public static JsonObject? OpenApiGroupVersion(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        var schemas = new JsonObject();
        var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        foreach (var t in types)
        {
            var gvk = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind };
            var item = t.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{t.Plural}/{{name}}" : $"{prefix}/{t.Plural}/{{name}}";
            var collection = t.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{t.Plural}" : $"{prefix}/{t.Plural}";
            paths[collection] = new JsonObject
            {
                ["get"] = Operation("list", gvk),
                ["post"] = Operation("create", gvk),
            };
            paths[item] = new JsonObject
            {
                ["get"] = Operation("read", gvk),
                ["put"] = Operation("replace", gvk),
                ["patch"] = Operation("patch", gvk),
                ["delete"] = Operation("delete", gvk),
            };
            if (t.Schema is not null)
            {
                var schema = (JsonObject)t.Schema.DeepClone();
                schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
                var name = string.Join(".", t.Group.Split('.').Reverse()) + "." + t.Version + "." + t.Kind;
                schemas[name] = schema;
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Operation(string action, JsonObject gvk) => new()
    {
        ["x-kubernetes-action"] = action,
        ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        ["parameters"] = new JsonArray(
            new JsonObject { ["name"] = "fieldValidation", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true } },
            new JsonObject { ["name"] = "dryRun", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true } },
            new JsonObject { ["name"] = "fieldManager", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true } }),
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
    };

    private static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        var list = new JsonArray();
        foreach (var v in versions)
        {
            list.Add(new JsonObject { ["groupVersion"] = $"{group}/{v}", ["version"] = v });
        }

        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = list,
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/{versions[0]}", ["version"] = versions[0] },
        };
    }
}
