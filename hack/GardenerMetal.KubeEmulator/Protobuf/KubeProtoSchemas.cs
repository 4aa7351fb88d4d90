using GardenerMetal.KubeEmulator.Api;

namespace GardenerMetal.KubeEmulator.Protobuf;

/// <summary>
/// The messages of the built-in kinds the emulator decodes from protobuf request bodies. Field numbers follow
/// k8s.io/api (core/v1, coordination/v1, events/v1) and k8s.io/apimachinery (meta/v1, util/intstr) generated.proto;
/// JSON names and zero-value handling follow the Go types' json tags (pointer or no omitempty → KeepZero).
/// </summary>
internal static class KubeProtoSchemas
{
    public static readonly ProtoMessage OwnerReference = new(
        "OwnerReference",
        Str(5, "apiVersion", keep: true),
        Str(1, "kind", keep: true),
        Str(3, "name", keep: true),
        Str(4, "uid", keep: true),
        Bool(6, "controller", keep: true),
        Bool(7, "blockOwnerDeletion", keep: true));

    public static readonly ProtoMessage ManagedFieldsEntry = new(
        "ManagedFieldsEntry",
        Str(1, "manager"),
        Str(2, "operation"),
        Str(3, "apiVersion"),
        new ProtoField(4, "time", ProtoKind.Time),
        Str(6, "fieldsType"),
        new ProtoField(7, "fieldsV1", ProtoKind.FieldsV1),
        Str(8, "subresource"));

    public static readonly ProtoMessage ObjectMeta = new(
        "ObjectMeta",
        Str(1, "name"),
        Str(2, "generateName"),
        Str(3, "namespace"),
        Str(4, "selfLink"),
        Str(5, "uid"),
        Str(6, "resourceVersion"),
        new ProtoField(7, "generation", ProtoKind.Int64),
        new ProtoField(8, "creationTimestamp", ProtoKind.Time),
        new ProtoField(9, "deletionTimestamp", ProtoKind.Time),
        new ProtoField(10, "deletionGracePeriodSeconds", ProtoKind.Int64, KeepZero: true),
        new ProtoField(11, "labels", ProtoKind.StringMap),
        new ProtoField(12, "annotations", ProtoKind.StringMap),
        Messages(13, "ownerReferences", OwnerReference),
        Strs(14, "finalizers"),
        Messages(17, "managedFields", ManagedFieldsEntry));

    public static readonly ProtoMessage Condition = new(
        "Condition",
        Str(1, "type", keep: true),
        Str(2, "status", keep: true),
        new ProtoField(3, "observedGeneration", ProtoKind.Int64),
        new ProtoField(4, "lastTransitionTime", ProtoKind.Time),
        Str(5, "reason", keep: true),
        Str(6, "message", keep: true));

    public static readonly ProtoMessage ObjectReference = new(
        "ObjectReference",
        Str(1, "kind"),
        Str(2, "namespace"),
        Str(3, "name"),
        Str(4, "uid"),
        Str(5, "apiVersion"),
        Str(6, "resourceVersion"),
        Str(7, "fieldPath"));

    public static readonly ProtoMessage LocalObjectReference = new("LocalObjectReference", Str(1, "name"));

    public static readonly ProtoMessage NamespaceCondition = new(
        "NamespaceCondition",
        Str(1, "type", keep: true),
        Str(2, "status", keep: true),
        new ProtoField(4, "lastTransitionTime", ProtoKind.Time),
        Str(5, "reason"),
        Str(6, "message"));

    public static readonly ProtoMessage Namespace = new(
        "Namespace",
        Meta(),
        Message(2, "spec", new ProtoMessage("NamespaceSpec", Strs(1, "finalizers"))),
        Message(3, "status", new ProtoMessage("NamespaceStatus", Str(1, "phase"), Messages(2, "conditions", NamespaceCondition))));

    public static readonly ProtoMessage ConfigMap = new(
        "ConfigMap",
        Meta(),
        new ProtoField(2, "data", ProtoKind.StringMap),
        new ProtoField(3, "binaryData", ProtoKind.BytesMap),
        Bool(4, "immutable", keep: true));

    public static readonly ProtoMessage Secret = new(
        "Secret",
        Meta(),
        new ProtoField(2, "data", ProtoKind.BytesMap),
        Str(3, "type"),
        new ProtoField(4, "stringData", ProtoKind.StringMap),
        Bool(5, "immutable", keep: true));

    public static readonly ProtoMessage ServiceAccount = new(
        "ServiceAccount",
        Meta(),
        Messages(2, "secrets", ObjectReference),
        Messages(3, "imagePullSecrets", LocalObjectReference),
        Bool(4, "automountServiceAccountToken", keep: true));

    public static readonly ProtoMessage EventSource = new("EventSource", Str(1, "component"), Str(2, "host"));

    public static readonly ProtoMessage CoreEvent = new(
        "Event",
        Meta(),
        Message(2, "involvedObject", ObjectReference),
        Str(3, "reason"),
        Str(4, "message"),
        Message(5, "source", EventSource),
        new ProtoField(6, "firstTimestamp", ProtoKind.Time),
        new ProtoField(7, "lastTimestamp", ProtoKind.Time),
        I32(8, "count"),
        Str(9, "type"),
        new ProtoField(10, "eventTime", ProtoKind.MicroTime),
        Message(11, "series", new ProtoMessage("EventSeries", I32(1, "count"), new ProtoField(2, "lastObservedTime", ProtoKind.MicroTime))),
        Str(12, "action"),
        Message(13, "related", ObjectReference),
        Str(14, "reportingComponent"),
        Str(15, "reportingInstance"));

    public static readonly ProtoMessage EventsV1Event = new(
        "Event",
        Meta(),
        new ProtoField(2, "eventTime", ProtoKind.MicroTime),
        Message(3, "series", new ProtoMessage("EventSeries", I32(1, "count", keep: true), new ProtoField(2, "lastObservedTime", ProtoKind.MicroTime))),
        Str(4, "reportingController"),
        Str(5, "reportingInstance"),
        Str(6, "action"),
        Str(7, "reason"),
        Message(8, "regarding", ObjectReference),
        Message(9, "related", ObjectReference),
        Str(10, "note"),
        Str(11, "type"),
        Message(12, "deprecatedSource", EventSource),
        new ProtoField(13, "deprecatedFirstTimestamp", ProtoKind.Time),
        new ProtoField(14, "deprecatedLastTimestamp", ProtoKind.Time),
        I32(15, "deprecatedCount"));

    public static readonly ProtoMessage Lease = new(
        "Lease",
        Meta(),
        Message(2, "spec", new ProtoMessage(
            "LeaseSpec",
            Str(1, "holderIdentity", keep: true),
            I32(2, "leaseDurationSeconds", keep: true),
            new ProtoField(3, "acquireTime", ProtoKind.MicroTime),
            new ProtoField(4, "renewTime", ProtoKind.MicroTime),
            I32(5, "leaseTransitions", keep: true),
            Str(6, "strategy", keep: true),
            Str(7, "preferredHolder", keep: true))));

    public static readonly ProtoMessage ServicePort = new(
        "ServicePort",
        Str(1, "name"),
        Str(2, "protocol"),
        Str(6, "appProtocol", keep: true),
        I32(3, "port", keep: true),
        new ProtoField(4, "targetPort", ProtoKind.IntOrString),
        I32(5, "nodePort"));

    public static readonly ProtoMessage ServiceSpec = new(
        "ServiceSpec",
        Messages(1, "ports", ServicePort),
        new ProtoField(2, "selector", ProtoKind.StringMap),
        Str(3, "clusterIP"),
        Strs(18, "clusterIPs"),
        Str(4, "type"),
        Strs(5, "externalIPs"),
        Str(7, "sessionAffinity"),
        Str(8, "loadBalancerIP"),
        Strs(9, "loadBalancerSourceRanges"),
        Str(10, "externalName"),
        Str(11, "externalTrafficPolicy"),
        I32(12, "healthCheckNodePort"),
        Bool(13, "publishNotReadyAddresses"),
        Message(14, "sessionAffinityConfig", new ProtoMessage(
            "SessionAffinityConfig",
            Message(1, "clientIP", new ProtoMessage("ClientIPConfig", I32(1, "timeoutSeconds", keep: true))))),
        Strs(19, "ipFamilies"),
        Str(17, "ipFamilyPolicy", keep: true),
        Bool(20, "allocateLoadBalancerNodePorts", keep: true),
        Str(21, "loadBalancerClass", keep: true),
        Str(22, "internalTrafficPolicy", keep: true),
        Str(23, "trafficDistribution", keep: true));

    public static readonly ProtoMessage ServiceStatus = new(
        "ServiceStatus",
        Message(1, "loadBalancer", new ProtoMessage(
            "LoadBalancerStatus",
            Messages(1, "ingress", new ProtoMessage(
                "LoadBalancerIngress",
                Str(1, "ip"),
                Str(2, "hostname"),
                Str(3, "ipMode", keep: true),
                Messages(4, "ports", new ProtoMessage("PortStatus", I32(1, "port", keep: true), Str(2, "protocol", keep: true), Str(3, "error", keep: true))))))),
        Messages(2, "conditions", Condition));

    public static readonly ProtoMessage Service = new("Service", Meta(), Message(2, "spec", ServiceSpec), Message(3, "status", ServiceStatus));

    /// <summary>meta/v1 DeleteOptions, the body client-go's typed Delete and DeleteCollection send.</summary>
    public static readonly ProtoMessage DeleteOptions = new(
        "DeleteOptions",
        new ProtoField(1, "gracePeriodSeconds", ProtoKind.Int64, KeepZero: true),
        Message(2, "preconditions", new ProtoMessage("Preconditions", Str(1, "uid", keep: true), Str(2, "resourceVersion", keep: true))),
        Bool(3, "orphanDependents", keep: true),
        Str(4, "propagationPolicy", keep: true),
        Strs(5, "dryRun"),
        Bool(6, "ignoreStoreReadErrorWithClusterBreakingPotential", keep: true));

    /// <summary>The top-level message of a served built-in kind, or null when the emulator has no protobuf mapping for it.</summary>
    public static ProtoMessage? For(ResourceType type)
    {
        if (type.IsCustom)
        {
            return null;
        }

        return (type.Group, type.Version, type.Kind) switch
        {
            ("", "v1", "Namespace") => Namespace,
            ("", "v1", "ConfigMap") => ConfigMap,
            ("", "v1", "Secret") => Secret,
            ("", "v1", "ServiceAccount") => ServiceAccount,
            ("", "v1", "Service") => Service,
            ("", "v1", "Event") => CoreEvent,
            ("events.k8s.io", "v1", "Event") => EventsV1Event,
            ("coordination.k8s.io", "v1", "Lease") => Lease,
            _ => null,
        };
    }

    private static ProtoField Meta() => Message(1, "metadata", ObjectMeta);

    private static ProtoField Str(int number, string name, bool keep = false) => new(number, name, ProtoKind.String, KeepZero: keep);

    private static ProtoField Strs(int number, string name) => new(number, name, ProtoKind.String, Repeated: true);

    private static ProtoField Bool(int number, string name, bool keep = false) => new(number, name, ProtoKind.Bool, KeepZero: keep);

    private static ProtoField I32(int number, string name, bool keep = false) => new(number, name, ProtoKind.Int32, KeepZero: keep);

    private static ProtoField Message(int number, string name, ProtoMessage message) => new(number, name, ProtoKind.Message, Message: message);

    private static ProtoField Messages(int number, string name, ProtoMessage message) => new(number, name, ProtoKind.Message, Repeated: true, Message: message);
}
