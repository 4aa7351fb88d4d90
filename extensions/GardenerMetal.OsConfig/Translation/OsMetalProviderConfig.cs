namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// The OSC providerConfig os-metal reads: provider-metal's <c>ImageProviderConfig</c>
/// (apiVersion <c>metal.provider.extensions.gardener.cloud/v1alpha1</c>) with its <c>networkIsolation</c>,
/// plus the GardenerMetal field <c>format: ignition|cloud-init</c> that overrides the format chosen by spec.type.
/// </summary>
internal sealed record OsMetalProviderConfig(UserDataFormat? Format, NetworkIsolation? NetworkIsolation)
{
    public static OsMetalProviderConfig None { get; } = new(null, null);
}
