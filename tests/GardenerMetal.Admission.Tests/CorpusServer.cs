namespace GardenerMetal.Admission.Tests;

/// <summary>One webhook server over HTTPS for a whole corpus run (no CloudProfile cache: cases swap profiles).</summary>
public sealed class CorpusServer : IAsyncLifetime
{
    internal WebhookServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Server = await WebhookServer.StartAsync(o => o with { CloudProfileCacheTtl = TimeSpan.Zero }).WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
