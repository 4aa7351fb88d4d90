using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.MetalApi.Tests;

/// <summary>A fake logger that keeps every formatted message (and its state values).</summary>
internal sealed class CapturingLogger : ILogger<MetalApiClient>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception}");
}
