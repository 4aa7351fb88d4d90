using k8s.Models;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>The built-in resources the emulator serves (plus the CRD-backed kinds a Gardener seed always has, see <see cref="SeedCrds"/>).</summary>
internal static class BuiltinResources
{
    public static readonly ResourceType Namespaces = Core<V1Namespace>("namespaces", "namespace", "Namespace", false, hasStatus: true, shortNames: ["ns"]);
    public static readonly ResourceType Secrets = Core<V1Secret>("secrets", "secret", "Secret", true);
    public static readonly ResourceType ConfigMaps = Core<V1ConfigMap>("configmaps", "configmap", "ConfigMap", true, shortNames: ["cm"]);
    public static readonly ResourceType Events = Core<Corev1Event>("events", "event", "Event", true, shortNames: ["ev"]);
    public static readonly ResourceType Services = Core<V1Service>("services", "service", "Service", true, hasStatus: true, shortNames: ["svc"]);
    public static readonly ResourceType ServiceAccounts = Core<V1ServiceAccount>("serviceaccounts", "serviceaccount", "ServiceAccount", true, shortNames: ["sa"]);

    public static readonly ResourceType Leases = Of<V1Lease>("coordination.k8s.io", "leases", "Lease", true);

    public static readonly ResourceType EventsV1 = Of<Eventsv1Event>("events.k8s.io", "events", "Event", true, shortNames: ["ev"]);

    public static readonly ResourceType Crds = Of<V1CustomResourceDefinition>(
        "apiextensions.k8s.io", "customresourcedefinitions", "CustomResourceDefinition", false, hasStatus: true, shortNames: ["crd", "crds"]);

    public static readonly ResourceType ValidatingWebhooks = Of<V1ValidatingWebhookConfiguration>(
        "admissionregistration.k8s.io", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false);

    public static readonly ResourceType MutatingWebhooks = Of<V1MutatingWebhookConfiguration>(
        "admissionregistration.k8s.io", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false);

    public static readonly ResourceType Deployments = Of<V1Deployment>("apps", "deployments", "Deployment", true, hasStatus: true, shortNames: ["deploy"], scale: ScaleSubresource.Apps);
    public static readonly ResourceType StatefulSets = Of<V1StatefulSet>("apps", "statefulsets", "StatefulSet", true, hasStatus: true, shortNames: ["sts"], scale: ScaleSubresource.Apps);
    public static readonly ResourceType DaemonSets = Of<V1DaemonSet>("apps", "daemonsets", "DaemonSet", true, hasStatus: true, shortNames: ["ds"]);
    public static readonly ResourceType ReplicaSets = Of<V1ReplicaSet>("apps", "replicasets", "ReplicaSet", true, hasStatus: true, shortNames: ["rs"], scale: ScaleSubresource.Apps);

    public static readonly ResourceType Roles = Of<V1Role>("rbac.authorization.k8s.io", "roles", "Role", true);
    public static readonly ResourceType RoleBindings = Of<V1RoleBinding>("rbac.authorization.k8s.io", "rolebindings", "RoleBinding", true);
    public static readonly ResourceType ClusterRoles = Of<V1ClusterRole>("rbac.authorization.k8s.io", "clusterroles", "ClusterRole", false);
    public static readonly ResourceType ClusterRoleBindings = Of<V1ClusterRoleBinding>("rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding", false);

    public static readonly ResourceType PodDisruptionBudgets = Of<V1PodDisruptionBudget>("policy", "poddisruptionbudgets", "PodDisruptionBudget", true, hasStatus: true, shortNames: ["pdb"]);

    public static readonly ResourceType NetworkPolicies = Of<V1NetworkPolicy>("networking.k8s.io", "networkpolicies", "NetworkPolicy", true, shortNames: ["netpol"]);
    public static readonly ResourceType Ingresses = Of<V1Ingress>("networking.k8s.io", "ingresses", "Ingress", true, hasStatus: true, shortNames: ["ing"]);
    public static readonly ResourceType IngressClasses = Of<V1IngressClass>("networking.k8s.io", "ingressclasses", "IngressClass", false);

    public static readonly ResourceType StorageClasses = Of<V1StorageClass>("storage.k8s.io", "storageclasses", "StorageClass", false, shortNames: ["sc"]);

    public static readonly ResourceType PriorityClasses = Of<V1PriorityClass>("scheduling.k8s.io", "priorityclasses", "PriorityClass", false, shortNames: ["pc"]);

    public static readonly IReadOnlyList<ResourceType> All =
    [
        Namespaces, Secrets, ConfigMaps, Events, Services, ServiceAccounts, Leases, EventsV1, Crds, ValidatingWebhooks, MutatingWebhooks,
        Deployments, StatefulSets, DaemonSets, ReplicaSets, Roles, RoleBindings, ClusterRoles, ClusterRoleBindings, PodDisruptionBudgets,
        NetworkPolicies, Ingresses, IngressClasses, StorageClasses, PriorityClasses, .. SeedCrds.Types,
    ];

    private static ResourceType Core<TModel>(string plural, string singular, string kind, bool namespaced, bool hasStatus = false, string[]? shortNames = null) => new()
    {
        Group = string.Empty,
        Version = "v1",
        Plural = plural,
        Singular = singular,
        Kind = kind,
        Namespaced = namespaced,
        HasStatus = hasStatus,
        ShortNames = shortNames ?? [],
        Model = typeof(TModel),
    };

    private static ResourceType Of<TModel>(string group, string plural, string kind, bool namespaced, bool hasStatus = false, string[]? shortNames = null, ScaleSubresource? scale = null) => new()
    {
        Group = group,
        Version = "v1",
        Plural = plural,
        Singular = kind.ToLowerInvariant(),
        Kind = kind,
        Namespaced = namespaced,
        HasStatus = hasStatus,
        ShortNames = shortNames ?? [],
        Scale = scale,
        Model = typeof(TModel),
    };
}
