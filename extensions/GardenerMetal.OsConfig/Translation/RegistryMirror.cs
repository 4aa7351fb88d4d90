namespace GardenerMetal.OsConfig.Translation;

/// <summary>providerConfig.networkIsolation.registryMirrors[] (provider-metal's RegistryMirror; ip/port are not needed here).</summary>
internal sealed record RegistryMirror(string Endpoint, IReadOnlyList<string> MirrorOf);
