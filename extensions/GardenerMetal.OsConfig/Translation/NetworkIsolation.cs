namespace GardenerMetal.OsConfig.Translation;

/// <summary>providerConfig.networkIsolation as provider-metal's admission puts it on OSCs of restricted/forbidden shoots.</summary>
internal sealed record NetworkIsolation(
    IReadOnlyList<string> DnsServers,
    IReadOnlyList<string> NtpServers,
    IReadOnlyList<RegistryMirror> RegistryMirrors);
