namespace GardenerMetal.MetalApi;

/// <summary>
/// Names the Swagger definition (in metal-api's <c>spec/metal-api.json</c>) that a model type mirrors.
/// The contract tests use it to check every JSON property against the spec.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MetalApiDefinitionAttribute(string name) : Attribute
{
    /// <summary>The definition name, e.g. <c>v1.MachineResponse</c>.</summary>
    public string Name { get; } = name;
}
