namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>One ManagedResource's content: its name, class (<c>seed</c>, or null for the shoot) and objects.</summary>
/// <param name="Name">The ManagedResource name.</param>
/// <param name="Class">The resource class (<c>seed</c> applies into the seed; null targets the shoot).</param>
/// <param name="Objects">KubernetesClient models (<c>k8s.Models</c>) or <see cref="System.Text.Json.Nodes.JsonObject"/> for CRD kinds.</param>
public sealed record RenderedManagedResource(string Name, string? Class, IReadOnlyList<object> Objects);
