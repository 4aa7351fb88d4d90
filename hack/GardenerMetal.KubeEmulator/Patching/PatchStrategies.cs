using k8s.Models;

namespace GardenerMetal.KubeEmulator.Patching;

/// <summary>
/// The <c>patchStrategy</c>/<c>patchMergeKey</c> struct tags of k8s.io/api for the built-in kinds the emulator serves
/// (KubernetesClient's models carry no such metadata). Fields not listed are replaced as a whole (lists) or merged
/// recursively (objects and maps), as in apimachinery's strategicpatch.
/// </summary>
internal static class PatchStrategies
{
    private static readonly Dictionary<(Type, string), PatchStrategy> Table = new()
    {
        [(typeof(V1ObjectMeta), "finalizers")] = new(true, null),
        [(typeof(V1ObjectMeta), "ownerReferences")] = new(true, "uid"),
        [(typeof(V1PodSpec), "volumes")] = new(true, "name", RetainKeys: true),
        [(typeof(V1PodSpec), "initContainers")] = new(true, "name"),
        [(typeof(V1PodSpec), "containers")] = new(true, "name"),
        [(typeof(V1PodSpec), "ephemeralContainers")] = new(true, "name"),
        [(typeof(V1PodSpec), "imagePullSecrets")] = new(true, "name"),
        [(typeof(V1PodSpec), "hostAliases")] = new(true, "ip"),
        [(typeof(V1PodSpec), "topologySpreadConstraints")] = new(true, "topologyKey"),
        [(typeof(V1PodSpec), "resourceClaims")] = new(true, "name", RetainKeys: true),
        [(typeof(V1PodSpec), "schedulingGates")] = new(true, "name"),
        [(typeof(V1Container), "ports")] = new(true, "containerPort"),
        [(typeof(V1Container), "env")] = new(true, "name"),
        [(typeof(V1Container), "volumeMounts")] = new(true, "mountPath"),
        [(typeof(V1Container), "volumeDevices")] = new(true, "devicePath"),
        [(typeof(V1EphemeralContainer), "ports")] = new(true, "containerPort"),
        [(typeof(V1EphemeralContainer), "env")] = new(true, "name"),
        [(typeof(V1EphemeralContainer), "volumeMounts")] = new(true, "mountPath"),
        [(typeof(V1EphemeralContainer), "volumeDevices")] = new(true, "devicePath"),
        [(typeof(V1DeploymentSpec), "strategy")] = new(false, null, RetainKeys: true),
        [(typeof(V1DeploymentStatus), "conditions")] = new(true, "type"),
        [(typeof(V1StatefulSetStatus), "conditions")] = new(true, "type"),
        [(typeof(V1DaemonSetStatus), "conditions")] = new(true, "type"),
        [(typeof(V1ReplicaSetStatus), "conditions")] = new(true, "type"),
        [(typeof(V1PodDisruptionBudgetStatus), "conditions")] = new(true, "type"),
        [(typeof(V1NamespaceStatus), "conditions")] = new(true, "type"),
        [(typeof(V1ServiceStatus), "conditions")] = new(true, "type"),
        [(typeof(V1LoadBalancerStatus), "ingress")] = new(false, null),
        [(typeof(V1ServiceSpec), "ports")] = new(true, "port"),
        [(typeof(V1ServiceAccount), "secrets")] = new(true, "name"),
        [(typeof(V1ValidatingWebhookConfiguration), "webhooks")] = new(true, "name"),
        [(typeof(V1MutatingWebhookConfiguration), "webhooks")] = new(true, "name"),
    };

    /// <summary>The strategy of <paramref name="field"/> of <paramref name="model"/>; null when the field has no tags.</summary>
    public static PatchStrategy? Of(Type model, string field) => Table.GetValueOrDefault((model, field));
}
