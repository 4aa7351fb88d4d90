using System.Text.Json;

namespace GardenerMetal.MetalApi.Tests;

/// <summary>The official metal-api Swagger 2.0 spec, read from ../shared/reference.</summary>
internal static class Swagger
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
    {
        Assert.True(File.Exists(RepoPaths.Swagger), $"metal-api spec missing at {RepoPaths.Swagger}");
        return JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Swagger));
    });

    public static JsonElement Root => Doc.Value.RootElement;

    public static JsonElement Definition(string name) =>
        Root.GetProperty("definitions").TryGetProperty(name, out var d) ? d : throw new Xunit.Sdk.XunitException($"definition {name} is not in the spec");

    public static string RefName(JsonElement schema) =>
        schema.GetProperty("$ref").GetString()!.Replace("#/definitions/", "", StringComparison.Ordinal);
}
