namespace GardenerMetal.Extensions.Apis;

/// <summary>
/// What the generic reconciler needs from any extensions.gardener.cloud/v1alpha1 resource
/// (Infrastructure, ControlPlane, Worker, OperatingSystemConfig, ...).
/// </summary>
public interface IExtensionResource
{
    string? ApiVersion { get; set; }
    string? Kind { get; set; }
    ObjectMeta Metadata { get; set; }

    /// <summary>The common spec part (type, class, providerConfig).</summary>
    DefaultSpec ExtensionSpec { get; }

    /// <summary>The common status part, or null when the object has no status yet.</summary>
    DefaultStatus? ExtensionStatus { get; }

    /// <summary>Returns the status, creating an empty one when missing.</summary>
    DefaultStatus EnsureStatus();
}
