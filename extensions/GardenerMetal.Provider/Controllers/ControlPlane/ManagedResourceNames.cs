namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>Names of the ManagedResources and Secrets the ControlPlane controller owns, as upstream.</summary>
public static class ManagedResourceNames
{
    public const string Seed = "extension-controlplane-seed";
    public const string Shoot = "extension-controlplane-shoot";
    public const string StorageClasses = "extension-controlplane-storageclasses";

    /// <summary>The Secret of manifests of a ManagedResource.</summary>
    public static string SecretOf(string managedResource) => "managedresource-" + managedResource;

    public const string CloudControllerManager = "cloud-controller-manager";
    public const string ShootAccessCcm = "shoot-access-cloud-controller-manager";
    public const string ServiceMonitor = "shoot-cloud-controller-manager";
    public const string NodeCidrConfigMap = "shoot-info-node-cidr";
    public const string CsiLvmStorageClass = "csi-lvm";
    public const int CcmPort = 10258;
}
