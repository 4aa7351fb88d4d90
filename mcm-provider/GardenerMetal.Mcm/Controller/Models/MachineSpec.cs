using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>Machine <c>spec</c> (the fields the controller uses).</summary>
public sealed class MachineSpec
{
    /// <summary>The MachineClass.</summary>
    [JsonPropertyName("class")]
    public MachineClassReference? Class { get; set; }

    /// <summary>The provider ID of the VM, set after creation.</summary>
    [JsonPropertyName("providerID")]
    public string? ProviderId { get; set; }

    /// <summary>Fields this model does not know, kept on round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
