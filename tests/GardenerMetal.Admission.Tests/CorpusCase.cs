using System.Text.Json.Nodes;

namespace GardenerMetal.Admission.Tests;

/// <summary>
/// One case of testdata/upstream/*.json or testdata/ratcheting/*.json: an object built from a fixture
/// (fixtures/shoot.json, fixtures/cloudprofile.json) plus JSON-pointer edits, or given whole; an old object
/// the same way for UPDATE; optional CloudProfile edits; the expected outcome (allowed, field paths and
/// error types, ratcheting warnings by rule name); and the upstream test or code it was transcribed from.
/// </summary>
internal sealed record CorpusCase(JsonObject Json)
{
    public string Name => Json["name"]!.GetValue<string>();

    public string Upstream => Json["upstream"]!.GetValue<string>();

    public string Kind => Json["kind"]!.GetValue<string>();

    public string Operation => Json["operation"]!.GetValue<string>();

    public string Path => Json["path"]?.GetValue<string>() ?? "/webhooks/validate";

    public bool Allowed => Json["allowed"]!.GetValue<bool>();

    public bool Exact => (Json["match"]?.GetValue<string>() ?? "exact") == "exact";

    public IReadOnlyList<(string Field, string Reason)> Errors =>
        [.. (Json["errors"]?.AsArray() ?? []).Select(e => (e!["field"]!.GetValue<string>(), "FieldValue" + e["type"]!.GetValue<string>()))];

    public IReadOnlyList<string> Warnings => [.. (Json["warnings"]?.AsArray() ?? []).Select(w => w!.GetValue<string>())];

    /// <summary>The object (whole, or the kind's fixture with <c>edits</c>), and for UPDATE the old one.</summary>
    public (JsonNode Object, JsonNode? Old) Objects()
    {
        var obj = Json["object"]?.DeepClone() ?? Apply(Fixture(), Json["edits"]);
        JsonNode? old = Operation != "UPDATE" ? null : Json["oldObject"]?.DeepClone() ?? Apply(Fixture(), Json["oldEdits"]);
        return (obj, old);
    }

    /// <summary>The CloudProfile fixture with <c>profileEdits</c>, or null when the case has none.</summary>
    public JsonNode? Profile() => Json["profileEdits"] is null ? null : Apply(Load("cloudprofile.json"), Json["profileEdits"]);

    private JsonNode Fixture() => Load(Kind == "CloudProfile" ? "cloudprofile.json" : "shoot.json");

    private static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(FakeSources.Fixture(name)))!;

    /// <summary>Sets each pointer (creating objects on the way) to its value; a null value removes the member.</summary>
    private static JsonNode Apply(JsonNode root, JsonNode? edits)
    {
        foreach (var (pointer, value) in edits?.AsObject() ?? [])
        {
            var parts = pointer.TrimStart('/').Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            var node = root;
            foreach (var part in parts[..^1])
            {
                var next = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : node[part];
                if (next is null)
                {
                    next = new JsonObject();
                    node[part] = next;
                }

                node = next;
            }

            var last = parts[^1];
            if (node is JsonArray list)
            {
                list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value?.DeepClone();
            }
            else if (value is null)
            {
                node.AsObject().Remove(last);
            }
            else
            {
                node[last] = value.DeepClone();
            }
        }

        return root;
    }
}
