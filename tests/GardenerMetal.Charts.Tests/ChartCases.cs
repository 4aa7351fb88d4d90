namespace GardenerMetal.Charts.Tests;

/// <summary>Every chart of charts/ with the values file (testdata/) holding what Gardener injects into it.</summary>
public static class ChartCases
{
    public static TheoryData<string, string> All => new()
    {
        { "gardener-extension-provider-metal", "gardener-values.yaml" },
        { "gardener-extension-os-metal", "gardener-values.yaml" },
        { "gardener-extension-admission-metal/charts/runtime", "runtime-values.yaml" },
        { "gardener-extension-admission-metal/charts/application", "application-values.yaml" },
    };
}
