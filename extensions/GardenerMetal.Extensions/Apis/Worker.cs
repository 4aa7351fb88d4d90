namespace GardenerMetal.Extensions.Apis;

/// <summary>extensions.gardener.cloud/v1alpha1 Worker.</summary>
public sealed class Worker : ExtensionResource<WorkerSpec, WorkerStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Worker";
}
