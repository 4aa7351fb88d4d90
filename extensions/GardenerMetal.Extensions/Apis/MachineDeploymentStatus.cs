using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>One entry of Worker status.machineDeployments.</summary>
public sealed class MachineDeploymentStatus
{
    public string Name { get; set; } = "";
    public int Minimum { get; set; }
    public int Maximum { get; set; }
    public int? Priority { get; set; }
    public int? AutoPreserveFailedMachineMax { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
