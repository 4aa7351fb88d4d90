namespace GardenerMetal.KubeEmulator.Api;

/// <summary>An additionalPrinterColumn of a CRD version (used for Table output).</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority);
