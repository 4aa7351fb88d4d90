using System.Diagnostics.Metrics;

namespace GardenerMetal.Kubernetes.Metrics;

/// <summary>Creates the <see cref="ControllerRuntimeMetrics.MeterName"/> meter from a factory (owned by the DI container) or on its own.</summary>
internal static class KubernetesMeters
{
    public static (Meter Meter, bool Owned) Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? (new Meter(ControllerRuntimeMetrics.MeterName), true) : (meterFactory.Create(ControllerRuntimeMetrics.MeterName), false);
}
