namespace GardenerMetal.Kubernetes.Metrics;

/// <summary>The <c>result</c> label values of <c>controller_runtime_reconcile_total</c>, as controller-runtime writes them.</summary>
public static class ReconcileResults
{
    /// <summary>The reconcile succeeded and asked for nothing more.</summary>
    public const string Success = "success";

    /// <summary>The reconcile failed; the key is retried with backoff.</summary>
    public const string Error = "error";

    /// <summary>The reconcile asked to run again after a delay.</summary>
    public const string RequeueAfter = "requeue_after";
}
