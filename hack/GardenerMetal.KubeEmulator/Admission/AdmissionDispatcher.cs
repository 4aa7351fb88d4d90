using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;
using GardenerMetal.KubeEmulator.Http;
using GardenerMetal.KubeEmulator.Patching;
using GardenerMetal.KubeEmulator.Selectors;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.KubeEmulator.Admission;

/// <summary>
/// Calls matching mutating/validating webhooks with AdmissionReview v1 over TLS (trusting only the
/// caBundle), applies JSONPatch responses, turns denials into Status errors like kube-apiserver,
/// and honours failurePolicy and timeoutSeconds.
/// </summary>
internal sealed class AdmissionDispatcher : IDisposable
{
    private readonly ResourceRegistry _registry;
    private readonly IReadOnlyDictionary<string, Uri> _services;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public AdmissionDispatcher(ResourceRegistry registry, IReadOnlyDictionary<string, Uri> services, ILogger logger)
    {
        _registry = registry;
        _services = services;
        _logger = logger;
    }

    public async Task<JsonObject?> MutateAsync(AdmissionAttributes attrs, CancellationToken ct)
    {
        var obj = attrs.Object;
        foreach (var webhook in Webhooks(BuiltinResources.MutatingWebhooks, attrs))
        {
            var response = await CallAsync(webhook, attrs with { Object = obj }, ct);
            if (response?["patch"]?.ToString() is { Length: > 0 } patch && obj is not null)
            {
                if ((string?)response["patchType"] is { } pt && pt != "JSONPatch")
                {
                    throw new ApiException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{webhook.Name}\": unsupported patchType \"{pt}\"");
                }

                try
                {
                    var ops = JsonNode.Parse(Convert.FromBase64String(patch)) as JsonArray
                        ?? throw new FormatException("the patch is not a JSON array");
                    obj = JsonPatch.Apply(obj.DeepClone(), ops) as JsonObject
                        ?? throw new FormatException("the patch did not produce an object");
                }
                catch (Exception ex) when (ex is FormatException or JsonException or ApiException)
                {
                    throw new ApiException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{webhook.Name}\": invalid patch: {ex.Message}");
                }
            }
        }

        return obj;
    }

    public async Task ValidateAsync(AdmissionAttributes attrs, CancellationToken ct)
    {
        var calls = Webhooks(BuiltinResources.ValidatingWebhooks, attrs).Select(w => CallAsync(w, attrs, ct)).ToList();
        await Task.WhenAll(calls);
    }

    public void Dispose()
    {
        foreach (var c in _clients.Values)
        {
            c.Dispose();
        }
    }

    private List<Webhook> Webhooks(ResourceType configType, AdmissionAttributes attrs)
    {
        if (attrs.Type == BuiltinResources.MutatingWebhooks || attrs.Type == BuiltinResources.ValidatingWebhooks)
        {
            return [];
        }

        var configs = _registry.StoreFor(configType).Snapshot(out _);
        if (configs.Count == 0)
        {
            return [];
        }

        var result = new List<Webhook>();
        foreach (var config in configs)
        {
            if (config.Object["webhooks"] is not JsonArray hooks)
            {
                continue;
            }

            foreach (var hook in hooks.OfType<JsonObject>())
            {
                if (Matches(hook, attrs))
                {
                    result.Add(new Webhook(hook["name"]?.ToString() ?? config.Name, hook));
                }
            }
        }

        return result;
    }

    private bool Matches(JsonObject hook, AdmissionAttributes attrs)
    {
        var rules = hook["rules"] as JsonArray;
        if (rules is null || !rules.OfType<JsonObject>().Any(r => RuleMatches(r, attrs)))
        {
            return false;
        }

        var obj = attrs.Object ?? attrs.OldObject;
        if (hook["objectSelector"] is JsonObject os)
        {
            var selector = LabelSelector.FromObject(os);
            var matchesNew = attrs.Object is not null && selector.Matches(attrs.Object);
            var matchesOld = attrs.OldObject is not null && selector.Matches(attrs.OldObject);
            if (!matchesNew && !matchesOld)
            {
                return false;
            }
        }

        if (hook["namespaceSelector"] is JsonObject ns && (ns["matchLabels"] is not null || ns["matchExpressions"] is not null))
        {
            var selector = LabelSelector.FromObject(ns);
            if (attrs.Type == BuiltinResources.Namespaces && obj is not null)
            {
                return selector.Matches(obj);
            }

            if (attrs.Type.Namespaced)
            {
                var nsStore = _registry.StoreFor(BuiltinResources.Namespaces);
                var labels = nsStore.TryGet(attrs.Namespace ?? string.Empty, out var nsObj)
                    ? LabelSelector.Labels(nsObj.Object)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                return selector.Matches(labels);
            }
        }

        return true;
    }

    private static bool RuleMatches(JsonObject rule, AdmissionAttributes attrs)
    {
        static bool Has(JsonNode? list, string value) =>
            list is JsonArray a && a.Any(v => v?.ToString() == "*" || v?.ToString() == value);

        if (!Has(rule["operations"], attrs.Operation) || !Has(rule["apiGroups"], attrs.Type.Group) || !Has(rule["apiVersions"], attrs.Type.Version))
        {
            return false;
        }

        var scope = rule["scope"]?.ToString() ?? "*";
        if ((scope == "Cluster" && attrs.Type.Namespaced) || (scope == "Namespaced" && !attrs.Type.Namespaced))
        {
            return false;
        }

        if (rule["resources"] is not JsonArray resources)
        {
            return false;
        }

        foreach (var r in resources.Select(x => x?.ToString() ?? string.Empty))
        {
            var parts = r.Split('/', 2);
            var resOk = parts[0] == "*" || parts[0] == attrs.Type.Plural;
            var subOk = parts.Length == 1 ? attrs.Subresource is null : parts[1] == "*" || parts[1] == attrs.Subresource;
            if (resOk && subOk)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Calls one webhook; returns the response, or null when it failed with failurePolicy Ignore.</summary>
    private async Task<JsonObject?> CallAsync(Webhook webhook, AdmissionAttributes attrs, CancellationToken ct)
    {
        var hook = webhook.Spec;
        var uid = Guid.NewGuid().ToString("D");
        var ignore = hook["failurePolicy"]?.ToString() == "Ignore";
        var sideEffects = hook["sideEffects"]?.ToString() ?? "Unknown";
        if (attrs.DryRun && sideEffects is not ("None" or "NoneOnDryRun"))
        {
            throw new ApiException(400, "BadRequest", $"admission webhook \"{webhook.Name}\" does not support dry run");
        }

        JsonObject? response;
        try
        {
            response = await PostAsync(hook, BuildReview(uid, attrs), ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or JsonException or FormatException or InvalidOperationException)
        {
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            var reason = ex is OperationCanceledException ? "context deadline exceeded" : ex.Message;
            if (ignore)
            {
                Log.WebhookIgnored(_logger, webhook.Name, reason);
                return null;
            }

            throw new ApiException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{webhook.Name}\": failed to call webhook: {reason}");
        }

        if (response?["uid"]?.ToString() != uid)
        {
            var msg = $"expected response.uid=\"{uid}\", got \"{response?["uid"]}\"";
            if (ignore)
            {
                Log.WebhookIgnored(_logger, webhook.Name, msg);
                return null;
            }

            throw new ApiException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{webhook.Name}\": {msg}");
        }

        if (response["allowed"]?.GetValueKind() != JsonValueKind.True)
        {
            throw Denial(webhook.Name, response["status"] as JsonObject);
        }

        return response;
    }

    /// <summary>
    /// The webhook's result as the client gets it, like webhook/errors.ToStatusErr of kube-apiserver 1.32 (the version
    /// the emulator reports): code (at least 400), reason and details (name, group, kind, causes, …) are the webhook's,
    /// the message is prefixed with who denied. kubectl needs the details to print "The Shoot "x" is invalid:" per field.
    /// </summary>
    private static ApiException Denial(string webhookName, JsonObject? result)
    {
        var code = result?["code"]?.GetValueKind() == JsonValueKind.Number ? JsonNumbers.ToInt(result["code"]!) : 0;
        if (code is < 400 or > 599)
        {
            // kube-apiserver raises codes below 400 to 400; above 599 is no HTTP status at all.
            code = code < 400 ? 400 : 500;
        }

        var denied = $"admission webhook \"{webhookName}\" denied the request";
        var message = result?["message"]?.ToString() is { Length: > 0 } m ? $"{denied}: {m}"
            : result?["reason"]?.ToString() is { Length: > 0 } r ? $"{denied}: {r}"
            : $"{denied} without explanation";
        var details = result?["details"] as JsonObject;
        var causes = (details?["causes"] as JsonArray)?.OfType<JsonObject>()
            .Select(c => new StatusCause(c["reason"]?.ToString() ?? string.Empty, c["message"]?.ToString() ?? string.Empty, c["field"]?.ToString() ?? string.Empty))
            .ToList();
        return new ApiException(code, result?["reason"]?.ToString() ?? string.Empty, message, causes)
        {
            PassThroughDetails = details,
        };
    }

    private static JsonObject BuildReview(string uid, AdmissionAttributes attrs)
    {
        var t = attrs.Type;
        var gvk = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind };
        var gvr = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["resource"] = t.Plural };
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = gvk,
            ["resource"] = gvr,
            ["requestKind"] = gvk.DeepClone(),
            ["requestResource"] = gvr.DeepClone(),
            ["name"] = attrs.Name,
            ["operation"] = attrs.Operation,
            ["userInfo"] = new JsonObject
            {
                ["username"] = "kube-emulator-admin",
                ["groups"] = new JsonArray("system:masters", "system:authenticated"),
            },
            ["object"] = attrs.Object?.DeepClone(),
            ["oldObject"] = attrs.OldObject?.DeepClone(),
            ["dryRun"] = attrs.DryRun,
            ["options"] = new JsonObject
            {
                ["apiVersion"] = "meta.k8s.io/v1",
                ["kind"] = attrs.Operation switch { "CREATE" => "CreateOptions", "DELETE" => "DeleteOptions", _ => "UpdateOptions" },
            },
        };
        if (attrs.Subresource is not null)
        {
            request["subResource"] = attrs.Subresource;
            request["requestSubResource"] = attrs.Subresource;
        }

        if (attrs.Namespace is not null)
        {
            request["namespace"] = attrs.Namespace;
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request };
    }

    private async Task<JsonObject?> PostAsync(JsonObject hook, JsonObject review, CancellationToken ct)
    {
        var config = hook["clientConfig"] as JsonObject ?? throw new InvalidOperationException("webhook has no clientConfig");
        Uri url;
        if (config["url"]?.ToString() is { Length: > 0 } u)
        {
            url = new Uri(u);
        }
        else if (config["service"] is JsonObject svc)
        {
            var key = $"{svc["namespace"]}/{svc["name"]}";
            if (!_services.TryGetValue(key, out var baseUri))
            {
                throw new InvalidOperationException($"service \"{key}\" is not known to the emulator (KubeEmulatorOptions.WebhookServices)");
            }

            url = new Uri(baseUri, svc["path"]?.ToString() ?? "/");
        }
        else
        {
            throw new InvalidOperationException("webhook clientConfig needs url or service");
        }

        var caBundle = config["caBundle"]?.ToString() ?? string.Empty;
        var client = _clients.GetOrAdd(caBundle, CreateClient);
        var timeout = hook["timeoutSeconds"]?.GetValueKind() == JsonValueKind.Number ? JsonNumbers.ToInt(hook["timeoutSeconds"]!) : 10;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(timeout, 1, 30)));
        using var content = new StringContent(review.ToJsonString(), Encoding.UTF8, "application/json");
        using var resp = await client.PostAsync(url, content, cts.Token);
        if (!resp.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Post \"{url}\": unexpected status {(int)resp.StatusCode}");
        }

        var body = await resp.Content.ReadAsStringAsync(cts.Token);
        var node = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("the webhook response is not an AdmissionReview object");
        return node["response"] as JsonObject ?? throw new FormatException("the webhook response has no response");
    }

    private static HttpClient CreateClient(string caBundleBase64)
    {
        X509Certificate2Collection? roots = null;
        if (caBundleBase64.Length > 0)
        {
            roots = [];
            roots.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(caBundleBase64)));
        }

        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, errors) =>
                {
                    if (roots is null)
                    {
                        return errors == SslPolicyErrors.None;
                    }

                    if (cert is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.AddRange(roots);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(cert as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(cert.GetRawCertData()));
                },
            },
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private sealed record Webhook(string Name, JsonObject Spec);
}
