using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// Renders the three ManagedResources of a metal shoot's control plane from <see cref="ControlPlaneValues"/> with
/// KubernetesClient's typed models: <c>extension-controlplane-seed</c> (metal-ccm Deployment, Service,
/// ServiceMonitor), <c>extension-controlplane-shoot</c> (metal-ccm's RBAC in the shoot, ConfigMap
/// <c>kube-system/shoot-info-node-cidr</c>) and <c>extension-controlplane-storageclasses</c> (csi-lvm).
/// Pure and deterministic: the same values give the same objects.
/// </summary>
public static class ControlPlaneRenderer
{
    public const string GenericKubeconfigMountPath = "/var/run/secrets/gardener.cloud/shoot/generic-kubeconfig";
    public const string ServerCertMountPath = "/var/lib/cloud-controller-manager-server";
    public const string PriorityClassName = "gardener-system-300";
    public const string KubeSystem = "kube-system";
    public const string CsiLvmNamespace = "csi-lvm";
    public const string CsiLvmProvisioner = "metal-stack.io/csi-lvm";
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    private const string CcmName = ManagedResourceNames.CloudControllerManager;

    /// <summary>The seed, shoot and storage ManagedResources, in deployment order.</summary>
    public static IReadOnlyList<RenderedManagedResource> Render(ControlPlaneValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [RenderSeed(values), RenderShoot(values), RenderStorage(values)];
    }

    /// <summary><c>extension-controlplane-seed</c> (class seed).</summary>
    public static RenderedManagedResource RenderSeed(ControlPlaneValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(ManagedResourceNames.Seed, "seed", [CcmDeployment(values), CcmService(values), CcmServiceMonitor(values)]);
    }

    /// <summary><c>extension-controlplane-shoot</c>.</summary>
    public static RenderedManagedResource RenderShoot(ControlPlaneValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ccmSubject = new Rbacv1Subject { Kind = "ServiceAccount", Name = CcmName, NamespaceProperty = KubeSystem };
        var nodeControllerSubject = new Rbacv1Subject { Kind = "ServiceAccount", Name = "cloud-node-controller", NamespaceProperty = KubeSystem };
        return new(ManagedResourceNames.Shoot, null,
        [
            new V1ClusterRole
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRole",
                Metadata = new V1ObjectMeta { Name = "system:cloud-controller-manager" },
                Rules =
                [
                    Rule([""], ["events"], "create", "patch", "update"),
                    Rule([""], ["nodes"], "*"),
                    Rule([""], ["nodes/status"], "patch"),
                    Rule([""], ["services", "services/status"], "get", "list", "patch", "update", "watch"),
                    Rule([""], ["endpoints", "configmaps"], "create", "get", "list", "watch", "update", "patch"),
                    Rule([""], ["secrets"], "get", "list", "watch"),
                    Rule([""], ["serviceaccounts"], "create", "get"),
                    Rule([""], ["serviceaccounts/token"], "create"),
                    Rule(["coordination.k8s.io"], ["leases"], "create", "get", "list", "watch", "update"),
                    Rule(["metallb.io"], ["ipaddresspools", "bgppeers", "bgpadvertisements", "l2advertisements"], "create", "delete", "get", "list", "patch", "update", "watch"),
                    Rule(["cilium.io"], ["ciliumloadbalancerippools", "ciliumbgppeeringpolicies"], "create", "delete", "get", "list", "patch", "update", "watch"),
                ],
            },
            new V1ClusterRoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRoleBinding",
                Metadata = new V1ObjectMeta { Name = "system:cloud-controller-manager" },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "system:cloud-controller-manager" },
                Subjects = [ccmSubject],
            },
            new V1ClusterRole
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRole",
                Metadata = new V1ObjectMeta { Name = "system:controller:cloud-node-controller" },
                Rules =
                [
                    Rule([""], ["events"], "create", "patch", "update"),
                    Rule([""], ["nodes"], "delete", "get", "patch", "update", "list"),
                    Rule([""], ["nodes/status"], "patch"),
                ],
            },
            new V1ClusterRoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRoleBinding",
                Metadata = new V1ObjectMeta { Name = "system:controller:cloud-node-controller" },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "system:controller:cloud-node-controller" },
                Subjects = [nodeControllerSubject],
            },
            new V1RoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "RoleBinding",
                Metadata = new V1ObjectMeta { Name = "cloud-controller-manager:apiserver-authentication-reader", NamespaceProperty = KubeSystem },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "extension-apiserver-authentication-reader" },
                Subjects = [ccmSubject],
            },
            new V1ConfigMap
            {
                ApiVersion = "v1",
                Kind = "ConfigMap",
                Metadata = new V1ObjectMeta { Name = ManagedResourceNames.NodeCidrConfigMap, NamespaceProperty = KubeSystem },
                Data = new Dictionary<string, string> { ["nodeCIDR"] = values.NodeCidr },
            },
        ]);
    }

    /// <summary><c>extension-controlplane-storageclasses</c>: csi-lvm unless <c>disableCsiLvm</c>.</summary>
    public static RenderedManagedResource RenderStorage(ControlPlaneValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.DisableCsiLvm)
        {
            return new(ManagedResourceNames.StorageClasses, null, []);
        }

        var isDefault = values.CustomDefaultClassName is null || values.CustomDefaultClassName == ManagedResourceNames.CsiLvmStorageClass;
        var labels = new Dictionary<string, string> { ["app"] = "csi-lvm-controller" };
        var reviverLabels = new Dictionary<string, string> { ["app"] = "csi-lvm-reviver" };
        var provisionerImage = values.Images.Image(ImageNames.CsiLvmProvisioner);
        return new(ManagedResourceNames.StorageClasses, null,
        [
            new V1StorageClass
            {
                ApiVersion = "storage.k8s.io/v1",
                Kind = "StorageClass",
                Metadata = new V1ObjectMeta
                {
                    Name = ManagedResourceNames.CsiLvmStorageClass,
                    Annotations = new Dictionary<string, string> { [DefaultClassAnnotation] = isDefault ? "true" : "false" },
                },
                Provisioner = CsiLvmProvisioner,
                ReclaimPolicy = "Delete",
                VolumeBindingMode = "WaitForFirstConsumer",
            },
            new V1Namespace
            {
                ApiVersion = "v1",
                Kind = "Namespace",
                Metadata = new V1ObjectMeta { Name = CsiLvmNamespace },
            },
            new V1ServiceAccount
            {
                ApiVersion = "v1",
                Kind = "ServiceAccount",
                Metadata = new V1ObjectMeta { Name = "csi-lvm-controller", NamespaceProperty = CsiLvmNamespace },
            },
            new V1ClusterRole
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRole",
                Metadata = new V1ObjectMeta { Name = "csi-lvm-controller" },
                Rules =
                [
                    Rule([""], ["persistentvolumes"], "get", "list", "watch", "create", "delete"),
                    Rule([""], ["persistentvolumeclaims"], "get", "list", "watch", "update"),
                    Rule(["storage.k8s.io"], ["storageclasses"], "get", "list", "watch"),
                    Rule([""], ["events"], "create", "patch"),
                    Rule([""], ["pods"], "get", "list", "watch", "create", "delete"),
                    Rule([""], ["nodes"], "get", "list", "watch"),
                ],
            },
            new V1ClusterRoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRoleBinding",
                Metadata = new V1ObjectMeta { Name = "csi-lvm-controller" },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "csi-lvm-controller" },
                Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "csi-lvm-controller", NamespaceProperty = CsiLvmNamespace }],
            },
            new V1Deployment
            {
                ApiVersion = "apps/v1",
                Kind = "Deployment",
                Metadata = new V1ObjectMeta { Name = "csi-lvm-controller", NamespaceProperty = CsiLvmNamespace, Labels = labels },
                Spec = new V1DeploymentSpec
                {
                    Replicas = 1,
                    Selector = new V1LabelSelector { MatchLabels = labels },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = labels },
                        Spec = new V1PodSpec
                        {
                            ServiceAccountName = "csi-lvm-controller",
                            Containers =
                            [
                                new V1Container
                                {
                                    Name = "csi-lvm-controller",
                                    Image = values.Images.Image(ImageNames.CsiLvmController),
                                    Args = ["--provisioner-image=" + provisionerImage, "--device-pattern=/dev/nvme[0-9]n[0-9]", "--default-lvm-type=linear"],
                                    Resources = Resources("10m", "32Mi", null, "128Mi"),
                                },
                            ],
                        },
                    },
                },
            },
            new V1DaemonSet
            {
                ApiVersion = "apps/v1",
                Kind = "DaemonSet",
                Metadata = new V1ObjectMeta { Name = "csi-lvm-reviver", NamespaceProperty = CsiLvmNamespace, Labels = reviverLabels },
                Spec = new V1DaemonSetSpec
                {
                    Selector = new V1LabelSelector { MatchLabels = reviverLabels },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = reviverLabels },
                        Spec = new V1PodSpec
                        {
                            ServiceAccountName = "csi-lvm-controller",
                            Containers =
                            [
                                new V1Container
                                {
                                    Name = "csi-lvm-reviver",
                                    Image = provisionerImage,
                                    Args = ["revivelvs"],
                                    SecurityContext = new V1SecurityContext { Privileged = true },
                                    Env = [new V1EnvVar { Name = "CSI_LVM_MOUNTPOINT", Value = "/tmp/csi-lvm" }],
                                    VolumeMounts =
                                    [
                                        new V1VolumeMount { Name = "data", MountPath = "/tmp/csi-lvm", MountPropagation = "Bidirectional" },
                                        new V1VolumeMount { Name = "devices", MountPath = "/dev" },
                                        new V1VolumeMount { Name = "modules", MountPath = "/lib/modules" },
                                    ],
                                    Resources = Resources("10m", "16Mi", null, "64Mi"),
                                },
                            ],
                            Volumes =
                            [
                                new V1Volume { Name = "data", HostPath = new V1HostPathVolumeSource { Path = "/tmp/csi-lvm", Type = "DirectoryOrCreate" } },
                                new V1Volume { Name = "devices", HostPath = new V1HostPathVolumeSource { Path = "/dev", Type = "Directory" } },
                                new V1Volume { Name = "modules", HostPath = new V1HostPathVolumeSource { Path = "/lib/modules", Type = "Directory" } },
                            ],
                        },
                    },
                },
            },
        ]);
    }

    private static V1Deployment CcmDeployment(ControlPlaneValues values)
    {
        var labels = new Dictionary<string, string> { ["app"] = "kubernetes", ["role"] = CcmName };
        var podLabels = new Dictionary<string, string>(labels)
        {
            ["gardener.cloud/role"] = "controlplane",
            ["networking.gardener.cloud/to-dns"] = "allowed",
            ["networking.gardener.cloud/to-public-networks"] = "allowed",
            ["networking.gardener.cloud/to-private-networks"] = "allowed",
            ["networking.gardener.cloud/to-runtime-apiserver"] = "allowed",
            ["networking.resources.gardener.cloud/to-kube-apiserver-tcp-443"] = "allowed",
        };
        var kubeconfig = GenericKubeconfigMountPath + "/kubeconfig";
        var args = new List<string>
        {
            "--cloud-provider=metal",
            "--cluster-name=" + values.Namespace,
            "--concurrent-service-syncs=10",
            "--kubeconfig=" + kubeconfig,
            "--authentication-kubeconfig=" + kubeconfig,
            "--authorization-kubeconfig=" + kubeconfig,
            "--leader-elect=true",
            "--secure-port=" + ManagedResourceNames.CcmPort.ToString(CultureInfo.InvariantCulture),
            "--tls-cert-file=" + ServerCertMountPath + "/tls.crt",
            "--tls-private-key-file=" + ServerCertMountPath + "/tls.key",
            "--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "--use-service-account-credentials",
            "--v=2",
        };
        if (values.CcmFeatureGates.Count > 0)
        {
            args.Add("--feature-gates=" + string.Join(",", values.CcmFeatureGates.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + (p.Value ? "true" : "false"))));
        }

        var auth = values.Auth == MetalAuthKind.Hmac
            ? SecretEnv("METAL_AUTH_HMAC", values.CredentialsSecretName, "metalAPIHMac")
            : SecretEnv("METAL_AUTH_TOKEN", values.CredentialsSecretName, "metalAPIKey");
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta
            {
                Name = CcmName,
                NamespaceProperty = values.Namespace,
                Labels = new Dictionary<string, string>(labels) { ["high-availability-config.resources.gardener.cloud/type"] = "controller" },
            },
            Spec = new V1DeploymentSpec
            {
                Replicas = values.ScaledDown ? 0 : 1,
                RevisionHistoryLimit = 1,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = podLabels,
                        Annotations = new Dictionary<string, string> { ["checksum/secret-" + values.ServerCertSecretName] = values.ServerCertChecksum },
                    },
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        PriorityClassName = PriorityClassName,
                        Containers =
                        [
                            new V1Container
                            {
                                Name = CcmName,
                                Image = values.Images.Image(ImageNames.MetalCcm),
                                ImagePullPolicy = "IfNotPresent",
                                Command = ["./metal-cloud-controller-manager"],
                                Args = args,
                                Env =
                                [
                                    Env("METAL_PROJECT_ID", values.ProjectId),
                                    Env("METAL_PARTITION_ID", values.PartitionId),
                                    Env("METAL_CLUSTER_ID", values.ClusterId),
                                    Env("METAL_NETWORK_ID", values.NetworkId),
                                    Env("METAL_DEFAULT_EXTERNAL_NETWORK_ID", values.DefaultExternalNetworkId),
                                    Env("METAL_ADDITIONAL_NETWORKS", string.Join(",", values.AdditionalNetworks)),
                                    Env("LOADBALANCER", values.LoadBalancer),
                                    Env("METAL_SSH_PUBLICKEY", values.SshPublicKey),
                                    Env("METAL_API_URL", values.MetalApiUrl),
                                    auth,
                                ],
                                Ports = [new V1ContainerPort { Name = "metrics", ContainerPort = ManagedResourceNames.CcmPort, Protocol = "TCP" }],
                                LivenessProbe = new V1Probe
                                {
                                    HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = ManagedResourceNames.CcmPort, Scheme = "HTTPS" },
                                    InitialDelaySeconds = 15,
                                    PeriodSeconds = 10,
                                    FailureThreshold = 2,
                                    SuccessThreshold = 1,
                                    TimeoutSeconds = 15,
                                },
                                Resources = Resources("100m", "64Mi", null, "512Mi"),
                                VolumeMounts =
                                [
                                    new V1VolumeMount { Name = "kubeconfig", MountPath = GenericKubeconfigMountPath, ReadOnlyProperty = true },
                                    new V1VolumeMount { Name = "cloud-controller-manager-server", MountPath = ServerCertMountPath },
                                ],
                            },
                        ],
                        Volumes =
                        [
                            new V1Volume
                            {
                                Name = "kubeconfig",
                                Projected = new V1ProjectedVolumeSource
                                {
                                    DefaultMode = 420,
                                    Sources =
                                    [
                                        new V1VolumeProjection
                                        {
                                            Secret = new V1SecretProjection
                                            {
                                                Name = values.GenericKubeconfigSecretName,
                                                Items = [new V1KeyToPath { Key = "kubeconfig", Path = "kubeconfig" }],
                                                Optional = false,
                                            },
                                        },
                                        new V1VolumeProjection
                                        {
                                            Secret = new V1SecretProjection
                                            {
                                                Name = ManagedResourceNames.ShootAccessCcm,
                                                Items = [new V1KeyToPath { Key = "token", Path = "token" }],
                                                Optional = false,
                                            },
                                        },
                                    ],
                                },
                            },
                            new V1Volume
                            {
                                Name = "cloud-controller-manager-server",
                                Secret = new V1SecretVolumeSource { SecretName = values.ServerCertSecretName },
                            },
                        ],
                    },
                },
            },
        };
    }

    private static V1Service CcmService(ControlPlaneValues values) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta
        {
            Name = CcmName,
            NamespaceProperty = values.Namespace,
            Labels = new Dictionary<string, string> { ["app"] = "kubernetes", ["role"] = CcmName },
            Annotations = new Dictionary<string, string>
            {
                ["networking.resources.gardener.cloud/from-all-scrape-targets-allowed-ports"] =
                    "[{\"port\":" + ManagedResourceNames.CcmPort.ToString(CultureInfo.InvariantCulture) + ",\"protocol\":\"TCP\"}]",
            },
        },
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            ClusterIP = "None",
            Selector = new Dictionary<string, string> { ["app"] = "kubernetes", ["role"] = CcmName },
            Ports = [new V1ServicePort { Name = "metrics", Port = ManagedResourceNames.CcmPort, Protocol = "TCP" }],
        },
    };

    /// <summary>monitoring.coreos.com/v1 ServiceMonitor: a CRD kind, so a JSON object rather than a typed model.</summary>
    private static JsonObject CcmServiceMonitor(ControlPlaneValues values) => new()
    {
        ["apiVersion"] = "monitoring.coreos.com/v1",
        ["kind"] = "ServiceMonitor",
        ["metadata"] = new JsonObject
        {
            ["name"] = ManagedResourceNames.ServiceMonitor,
            ["namespace"] = values.Namespace,
            ["labels"] = new JsonObject { ["prometheus"] = "shoot" },
        },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "kubernetes", ["role"] = CcmName } },
            ["endpoints"] = new JsonArray(new JsonObject
            {
                ["port"] = "metrics",
                ["scheme"] = "https",
                ["tlsConfig"] = new JsonObject { ["insecureSkipVerify"] = true },
                ["authorization"] = new JsonObject
                {
                    ["credentials"] = new JsonObject { ["name"] = "shoot-access-prometheus-shoot", ["key"] = "token" },
                },
            }),
        },
    };

    private static V1PolicyRule Rule(string[] groups, string[] resources, params string[] verbs) =>
        new() { ApiGroups = groups, Resources = resources, Verbs = verbs };

    private static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    private static V1EnvVar SecretEnv(string name, string secret, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } } };

    private static V1ResourceRequirements Resources(string cpu, string memory, string? cpuLimit, string memoryLimit)
    {
        var limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new ResourceQuantity(memoryLimit) };
        if (cpuLimit is not null)
        {
            limits["cpu"] = new ResourceQuantity(cpuLimit);
        }

        return new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity(cpu), ["memory"] = new ResourceQuantity(memory) },
            Limits = limits,
        };
    }
}
