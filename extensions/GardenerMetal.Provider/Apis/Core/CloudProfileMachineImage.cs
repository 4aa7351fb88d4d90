using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A machine image offered by a CloudProfile.</summary>
public sealed record CloudProfileMachineImage
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("versions")] public IReadOnlyList<ExpirableVersion>? Versions { get; init; }
}
