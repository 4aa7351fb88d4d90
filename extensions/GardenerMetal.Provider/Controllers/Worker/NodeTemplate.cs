using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>The labels, annotations and taints new nodes of a pool get (MachineDeployment <c>template.spec.nodeTemplate</c>).</summary>
internal sealed record NodeTemplate(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<Taint> Taints);
