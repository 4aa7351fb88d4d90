using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>Machine <c>spec.class</c>: the MachineClass of a Machine.</summary>
public sealed class MachineClassReference
{
    /// <summary>apiGroup.</summary>
    [JsonPropertyName("apiGroup")]
    public string? ApiGroup { get; set; }

    /// <summary>kind (MachineClass).</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>name of the MachineClass in the Machine's namespace.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Fields this model does not know, kept on round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
