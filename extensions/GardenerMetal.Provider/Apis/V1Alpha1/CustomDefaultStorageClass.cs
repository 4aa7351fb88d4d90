using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Names a StorageClass that replaces csi-lvm as the default.</summary>
public sealed record CustomDefaultStorageClass
{
    [JsonPropertyName("className")] public string? ClassName { get; init; }
}
