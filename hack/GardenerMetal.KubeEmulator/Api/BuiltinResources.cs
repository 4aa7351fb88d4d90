namespace GardenerMetal.KubeEmulator.Api;

/// <summary>The built-in resources the emulator serves.</summary>
internal static class BuiltinResources
{
    public static readonly ResourceType Namespaces = Core("namespaces", "namespace", "Namespace", false, hasStatus: true, shortNames: ["ns"]);
    public static readonly ResourceType Secrets = Core("secrets", "secret", "Secret", true);
    public static readonly ResourceType ConfigMaps = Core("configmaps", "configmap", "ConfigMap", true, shortNames: ["cm"]);
    public static readonly ResourceType Events = Core("events", "event", "Event", true, shortNames: ["ev"]);
    public static readonly ResourceType Services = Core("services", "service", "Service", true, hasStatus: true, shortNames: ["svc"]);
    public static readonly ResourceType ServiceAccounts = Core("serviceaccounts", "serviceaccount", "ServiceAccount", true, shortNames: ["sa"]);

    public static readonly ResourceType Leases = new()
    {
        Group = "coordination.k8s.io", Version = "v1", Plural = "leases", Singular = "lease", Kind = "Lease", Namespaced = true,
    };

    public static readonly ResourceType EventsV1 = new()
    {
        Group = "events.k8s.io", Version = "v1", Plural = "events", Singular = "event", Kind = "Event", Namespaced = true, ShortNames = ["ev"],
    };

    public static readonly ResourceType Crds = new()
    {
        Group = "apiextensions.k8s.io", Version = "v1", Plural = "customresourcedefinitions", Singular = "customresourcedefinition",
        Kind = "CustomResourceDefinition", Namespaced = false, HasStatus = true, ShortNames = ["crd", "crds"],
    };

    public static readonly ResourceType ValidatingWebhooks = new()
    {
        Group = "admissionregistration.k8s.io", Version = "v1", Plural = "validatingwebhookconfigurations",
        Singular = "validatingwebhookconfiguration", Kind = "ValidatingWebhookConfiguration", Namespaced = false,
    };

    public static readonly ResourceType MutatingWebhooks = new()
    {
        Group = "admissionregistration.k8s.io", Version = "v1", Plural = "mutatingwebhookconfigurations",
        Singular = "mutatingwebhookconfiguration", Kind = "MutatingWebhookConfiguration", Namespaced = false,
    };

    public static readonly IReadOnlyList<ResourceType> All =
    [
        Namespaces, Secrets, ConfigMaps, Events, Services, ServiceAccounts, Leases, EventsV1, Crds, ValidatingWebhooks, MutatingWebhooks,
    ];

    private static ResourceType Core(string plural, string singular, string kind, bool namespaced, bool hasStatus = false, string[]? shortNames = null) => new()
    {
        Group = string.Empty,
        Version = "v1",
        Plural = plural,
        Singular = singular,
        Kind = kind,
        Namespaced = namespaced,
        HasStatus = hasStatus,
        ShortNames = shortNames ?? [],
    };
}
