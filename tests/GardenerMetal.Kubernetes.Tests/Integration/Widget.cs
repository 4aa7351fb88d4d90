using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Tests.Integration;

/// <summary>A custom resource typed with the generic <see cref="KubernetesObject{TSpec, TStatus}"/>.</summary>
public sealed class Widget : KubernetesObject<WidgetSpec, WidgetStatus>
{
    public Widget()
    {
        ApiVersion = "test.gardener-metal.io/v1";
        Kind = "Widget";
    }

    public static ResourceDescriptor Resource { get; } = new("test.gardener-metal.io", "v1", "widgets", "Widget", Namespaced: true);

    public const string CrdYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.test.gardener-metal.io
        spec:
          group: test.gardener-metal.io
          names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size: {type: string, enum: [small, large]}
                      replicas: {type: integer}
                      extra: {type: string}
                  status:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
        """;
}
