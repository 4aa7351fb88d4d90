using System.Reflection;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Yaml;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>
/// CRD-backed kinds every Gardener seed has (VPA, ServiceMonitor, PrometheusRule): served from start-up as custom
/// resources (merge patch only, schema validation and pruning) from CRD stand-ins embedded in this assembly.
/// </summary>
internal static class SeedCrds
{
    public static readonly IReadOnlyList<ResourceType> Types = Load();

    private static List<ResourceType> Load()
    {
        var assembly = typeof(SeedCrds).Assembly;
        var types = new List<ResourceType>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            foreach (var doc in YamlConverter.ParseDocuments(reader.ReadToEnd()).OfType<JsonObject>())
            {
                types.AddRange(CrdRules.ServedTypes(doc));
            }
        }

        return types;
    }
}
