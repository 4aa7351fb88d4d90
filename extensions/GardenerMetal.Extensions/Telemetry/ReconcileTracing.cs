using System.Diagnostics;

namespace GardenerMetal.Extensions.Telemetry;

/// <summary>
/// The <see cref="ActivitySource"/> of the controllers: one <c>reconcile</c> span per reconcile, tagged with the
/// controller and the object's namespace and name; Kubernetes, metal-api and gRPC calls made during it are its children.
/// </summary>
public static class ReconcileTracing
{
    /// <summary>The activity source name (what an OpenTelemetry tracer provider adds).</summary>
    public const string SourceName = "GardenerMetal.Extensions";

    /// <summary>The span name of one reconcile.</summary>
    public const string ReconcileSpanName = "reconcile";

    /// <summary>The source; starting an activity on it costs nothing while no tracer listens.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts the span of one reconcile of <paramref name="namespace"/>/<paramref name="name"/> by <paramref name="controller"/>.</summary>
    public static Activity? StartReconcile(string controller, string @namespace, string name, string reconcileId)
    {
        var activity = Source.StartActivity(ReconcileSpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("controller", controller);
            activity.SetTag("k8s.namespace.name", @namespace);
            activity.SetTag("k8s.object.name", name);
            activity.SetTag("reconcile.id", reconcileId);
        }

        return activity;
    }
}
