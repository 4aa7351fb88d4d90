using GardenerMetal.Kubernetes.Events;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Tests.Integration;

public sealed class EventRecorderIntegrationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task RecordAsync_SameEventTwice_AggregatesIntoOneEventWithCount()
    {
        var ns = await fixture.NewNamespaceAsync();
        var widget = await fixture.Widgets.CreateAsync(new Widget { Metadata = new ObjectMeta { Name = "w", Namespace = ns }, Spec = new WidgetSpec { Size = "small" } }).WaitAsync(Timeout);
        using var recorder = new EventRecorder(fixture.Client, new EventRecorderOptions { Component = "provider-metal-test", Host = "node-1" });

        await recorder.RecordAsync(widget, EventType.Warning, "ReconcileFailed", "metal-api unreachable").WaitAsync(Timeout);
        var second = await recorder.RecordAsync(widget, EventType.Warning, "ReconcileFailed", "metal-api unreachable").WaitAsync(Timeout);
        await recorder.RecordAsync(widget, EventType.Normal, "Reconciled", "done").WaitAsync(Timeout);
        var events = await fixture.Client.Events.ListAsync(ns).WaitAsync(Timeout);

        Assert.Equal(2, events.Items.Count);
        var failed = Assert.Single(events.Items, e => e.Reason == "ReconcileFailed");
        Assert.Equal(2, failed.Count);
        Assert.Equal(2, second!.Count);
        Assert.Equal("Warning", failed.Type);
        Assert.Equal(("Widget", "w", widget.Metadata.Uid), (failed.InvolvedObject.Kind, failed.InvolvedObject.Name, failed.InvolvedObject.Uid));
        Assert.Equal("provider-metal-test", failed.Source!.Component);
        Assert.NotNull(failed.FirstTimestamp);
        Assert.True(failed.LastTimestamp >= failed.FirstTimestamp);
    }

    [Fact]
    public async Task RecordAsync_InvalidType_ThrowsNamingIt()
    {
        using var recorder = new EventRecorder(fixture.Client, new EventRecorderOptions { Component = "c" });

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => recorder.RecordAsync(new ObjectReference { Name = "x", Namespace = "default" }, "Error", "R", "m")).WaitAsync(Timeout);

        Assert.Equal("type", ex.ParamName);
    }
}
