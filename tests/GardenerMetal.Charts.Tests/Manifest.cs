using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Yaml;

namespace GardenerMetal.Charts.Tests;

/// <summary>The objects of a rendered manifest (helm template / helm get manifest) as JSON.</summary>
internal static class Manifest
{
    public static List<JsonObject> Parse(string yaml)
    {
        return [.. YamlConverter.ParseDocuments(yaml).OfType<JsonObject>()];
    }

    public static string Kind(JsonObject obj) => (string)obj["kind"]!;

    public static string Name(JsonObject obj) => (string)obj["metadata"]!["name"]!;

    /// <summary>What <c>kubectl get -o name</c> prints for the object: kind.group/name (core: kind/name), kind in lower case.</summary>
    public static string KubectlName(JsonObject obj)
    {
        var apiVersion = (string)obj["apiVersion"]!;
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? "." + apiVersion.Split('/')[0] : string.Empty;
        return $"{Kind(obj).ToLowerInvariant()}{group}/{Name(obj)}";
    }

    public static IEnumerable<JsonObject> OfKind(IEnumerable<JsonObject> objects, string kind) => objects.Where(o => Kind(o) == kind);

    public static List<string> Args(JsonObject deployment) =>
        [.. deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => (string)a!)];
}
