using System.Globalization;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Kubernetes.Events;

/// <summary>
/// Records core/v1 Events about objects. A repeat of the same (object, type, reason, message) is
/// aggregated: the existing Event's <c>count</c> and <c>lastTimestamp</c> are patched instead of
/// creating a new one. Recording is best effort: failures are logged, never thrown.
/// Never put secrets into messages.
/// Example: <c>await recorder.RecordAsync(infra, EventType.Warning, "ReconcileFailed", "metal-api unreachable", ct);</c>
/// </summary>
public sealed partial class EventRecorder : IDisposable
{
    private const int MaxMessageLength = 1024;
    private readonly ResourceClient<Event> _events;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, (string Namespace, string Name, int Count)> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a recorder.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Reporting component.</param>
    /// <param name="time">Clock; null for the system clock.</param>
    public EventRecorder(KubernetesClient client, EventRecorderOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Component, nameof(options) + ".Component");
        _events = client.Events;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = client.LoggerFactory.CreateLogger<EventRecorder>();
    }

    /// <summary>Records an event about <paramref name="involved"/>.</summary>
    /// <param name="involved">The object the event is about.</param>
    /// <param name="type"><see cref="EventType.Normal"/> or <see cref="EventType.Warning"/>.</param>
    /// <param name="reason">Short CamelCase reason.</param>
    /// <param name="message">Human-readable message (truncated to 1024 characters; no secrets).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The Event as stored, or null if recording failed.</returns>
    public Task<Event?> RecordAsync(IKubernetesObject involved, string type, string reason, string message, CancellationToken cancellationToken = default)
        => RecordAsync(ObjectReference.For(involved), type, reason, message, cancellationToken);

    /// <summary>Records an event about the referenced object.</summary>
    /// <param name="involved">Reference to the object (kind, namespace, name, uid).</param>
    /// <param name="type"><see cref="EventType.Normal"/> or <see cref="EventType.Warning"/>.</param>
    /// <param name="reason">Short CamelCase reason.</param>
    /// <param name="message">Human-readable message (truncated to 1024 characters; no secrets).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The Event as stored, or null if recording failed.</returns>
    public async Task<Event?> RecordAsync(ObjectReference involved, string type, string reason, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(involved);
        ArgumentException.ThrowIfNullOrEmpty(involved.Name, nameof(involved) + ".Name");
        if (type is not (EventType.Normal or EventType.Warning))
        {
            throw new ArgumentException($"Event type must be '{EventType.Normal}' or '{EventType.Warning}', not '{type}'.", nameof(type));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        message ??= "";
        if (message.Length > MaxMessageLength)
        {
            message = message[..(MaxMessageLength - 3)] + "...";
        }

        var ns = string.IsNullOrEmpty(involved.Namespace) ? "default" : involved.Namespace;
        var key = string.Join('\u001f', ns, involved.Kind, involved.Name, involved.Uid, type, reason, message);
        var now = _time.GetUtcNow();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_seen.TryGetValue(key, out var seen))
            {
                var patch = new JsonObject
                {
                    ["count"] = seen.Count + 1,
                    ["lastTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                };
                try
                {
                    var patched = await _events.PatchAsync(seen.Namespace, seen.Name, KubernetesPatch.Merge(patch), cancellationToken);
                    _seen[key] = (seen.Namespace, seen.Name, patched.Count ?? seen.Count + 1);
                    return patched;
                }
                catch (KubernetesNotFoundException)
                {
                    _seen.Remove(key); // expired or deleted: create a fresh one below
                }
            }

            var evt = new Event
            {
                Metadata = new ObjectMeta
                {
                    Name = $"{involved.Name}.{now.UtcTicks.ToString("x", CultureInfo.InvariantCulture)}",
                    Namespace = ns,
                },
                InvolvedObject = involved,
                Type = type,
                Reason = reason,
                Message = message,
                Count = 1,
                FirstTimestamp = now,
                LastTimestamp = now,
                Source = new EventSource { Component = _options.Component, Host = _options.Host },
                ReportingComponent = _options.Component,
                ReportingInstance = _options.Instance ?? _options.Host ?? _options.Component,
            };
            var created = await _events.CreateAsync(evt, cancellationToken);
            if (_seen.Count >= _options.CacheSize)
            {
                _seen.Clear();
            }

            _seen[key] = (ns, created.Metadata.Name ?? evt.Metadata.Name, 1);
            return created;
        }
        catch (KubernetesApiException ex)
        {
            LogRecordFailed(_logger, reason, involved.Kind, involved.Name, ex);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Recording event {Reason} for {Kind} {Name} failed")]
    private static partial void LogRecordFailed(ILogger logger, string reason, string? kind, string? name, Exception exception);
}
