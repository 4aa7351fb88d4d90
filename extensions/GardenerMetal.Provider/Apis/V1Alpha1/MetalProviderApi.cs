namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The API group and version of the provider configuration kinds.</summary>
public static class MetalProviderApi
{
    public const string Group = "metal.provider.extensions.gardener.cloud";
    public const string Version = Group + "/v1alpha1";
    /// <summary>The provider type of Shoots, CloudProfiles and bindings handled here.</summary>
    public const string ProviderType = "metal";
}
