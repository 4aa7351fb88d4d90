using System.Globalization;
using System.Text.RegularExpressions;

namespace GardenerMetal.Tests.Shared;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4) for tests that scrape /metrics: every sample line
/// must parse, every sample must belong to a family announced by <c># TYPE</c>.
/// </summary>
internal static partial class PrometheusText
{
    /// <summary>One sample: metric name, labels and value.</summary>
    internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
    {
        /// <summary>True when every label in <paramref name="labels"/> is present with that value.</summary>
        public bool Has(params (string Key, string Value)[] labels) =>
            labels.All(l => Labels.TryGetValue(l.Key, out var v) && v == l.Value);
    }

    /// <summary>A parsed scrape: samples and the declared type of each family.</summary>
    internal sealed record Scrape(IReadOnlyList<Sample> Samples, IReadOnlyDictionary<string, string> Types)
    {
        /// <summary>Samples named <paramref name="name"/> having every label in <paramref name="labels"/>.</summary>
        public IEnumerable<Sample> Find(string name, params (string Key, string Value)[] labels) =>
            Samples.Where(s => s.Name == name && s.Has(labels));

        /// <summary>The sum of the samples <see cref="Find"/> returns.</summary>
        public double Sum(string name, params (string Key, string Value)[] labels) => Find(name, labels).Sum(s => s.Value);
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the bad line.</summary>
    public static Scrape Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line == "# EOF")
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts[3];
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException("Not a Prometheus sample line: " + line);
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups["key"].Value] = label.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            var name = match.Groups["name"].Value;
            var family = types.Keys.FirstOrDefault(t => name == t || name == t + "_bucket" || name == t + "_sum" || name == t + "_count")
                ?? throw new FormatException("Sample without a # TYPE line: " + line);
            _ = family;
            samples.Add(new Sample(name, labels, value));
        }

        return new Scrape(samples, types);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[^ ]+)( [0-9]+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
