using System.Text;

namespace GardenerMetal.Admission.Hosting;

/// <summary>
/// The Validating- and MutatingWebhookConfiguration that register this webhook with a garden API server: its paths,
/// the objects it handles, selected the way the upstream admission chart does (by the metal provider labels).
/// Used by the local runners (make admission, make up); a chart renders the same objects.
/// </summary>
public static class WebhookConfigurations
{
    /// <summary>The name of both configurations.</summary>
    public const string Name = "gardener-extension-admission-metal";

    /// <summary>Both configurations as one YAML stream, for a webhook served at <paramref name="webhook"/> with a certificate signed by <paramref name="caPem"/>.</summary>
    public static string Yaml(Uri webhook, string caPem)
    {
        var ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        var url = webhook.GetLeftPart(UriPartial.Authority);
        return $$$"""
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: {{{Name}}}
            webhooks:
            - name: mutation.metal.provider.extensions.gardener.cloud
              admissionReviewVersions: [v1]
              sideEffects: None
              failurePolicy: Fail
              timeoutSeconds: 10
              objectSelector: {matchLabels: {provider.extensions.gardener.cloud/metal: "true"}}
              rules:
              - {apiGroups: [core.gardener.cloud], apiVersions: [v1beta1], operations: [CREATE, UPDATE], resources: [shoots]}
              clientConfig: {url: "{{{url}}}/webhooks/mutate", caBundle: {{{ca}}}}
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: {{{Name}}}
            webhooks:
            - name: validation.metal.provider.extensions.gardener.cloud
              admissionReviewVersions: [v1]
              sideEffects: None
              failurePolicy: Fail
              timeoutSeconds: 10
              objectSelector: {matchLabels: {provider.extensions.gardener.cloud/metal: "true"}}
              rules:
              - {apiGroups: [core.gardener.cloud], apiVersions: [v1beta1], operations: [CREATE, UPDATE], resources: [shoots, cloudprofiles, secretbindings]}
              clientConfig: {url: "{{{url}}}/webhooks/validate", caBundle: {{{ca}}}}
            - name: secrets.validation.metal.provider.extensions.gardener.cloud
              admissionReviewVersions: [v1]
              sideEffects: None
              failurePolicy: Fail
              timeoutSeconds: 10
              objectSelector: {matchLabels: {provider.shoot.gardener.cloud/metal: "true"}}
              rules:
              - {apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [secrets]}
              clientConfig: {url: "{{{url}}}/webhooks/validate/secrets", caBundle: {{{ca}}}}

            """;
    }
}
