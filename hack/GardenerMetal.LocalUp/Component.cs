namespace GardenerMetal.LocalUp;

/// <summary>One running part of the local seed: its name, where it runs and how to stop it.</summary>
internal sealed class Component(string name, string wiring, Task run, CancellationTokenSource stop, Func<ValueTask>? dispose = null)
{
    public string Name { get; } = name;

    /// <summary>How it is started (entry point or binary), shown to the user.</summary>
    public string Wiring { get; } = wiring;

    public Task Run { get; } = run;

    /// <summary>Cancels and waits (bounded) for the component to end.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Run.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // reported by the caller through Run's state; the process exits anyway
        }
#pragma warning disable CA1031 // a component's own failure must not stop the others from stopping
        catch (Exception)
#pragma warning restore CA1031
        {
            // already reported when it happened
        }

        if (dispose is not null)
        {
            await dispose().ConfigureAwait(false);
        }

        stop.Dispose();
    }
}
