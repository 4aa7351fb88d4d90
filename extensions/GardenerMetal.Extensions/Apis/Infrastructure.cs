namespace GardenerMetal.Extensions.Apis;

/// <summary>extensions.gardener.cloud/v1alpha1 Infrastructure.</summary>
public sealed class Infrastructure : ExtensionResource<InfrastructureSpec, InfrastructureStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Infrastructure";
}
