using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Admission;
using GardenerMetal.KubeEmulator.Http;
using GardenerMetal.KubeEmulator.Patching;
using GardenerMetal.KubeEmulator.Schema;
using GardenerMetal.KubeEmulator.Storage;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>
/// The semantics of kube-apiserver over the stores: create, update, patch, delete with uid,
/// resourceVersion, generation, status isolation, finalizers, schema validation and admission.
/// </summary>
internal sealed class ObjectService
{
    private const int MaxRetries = 16;
    private readonly ResourceRegistry _registry;
    private readonly AdmissionDispatcher _admission;

    public ObjectService(ResourceRegistry registry, AdmissionDispatcher admission)
    {
        _registry = registry;
        _admission = admission;
    }

    /// <summary>Signalled after a delete or deletion mark (the garbage collector listens).</summary>
    public event Action? DeletionHappened;

    public ResourceRegistry Registry => _registry;

    public static string Key(ResourceType type, string? ns, string name) => type.Namespaced ? $"{ns}/{name}" : name;

    public StoredObject Get(ResourceType type, string? ns, string name)
    {
        var store = _registry.StoreFor(type);
        return store.TryGet(Key(type, ns, name), out var obj) ? obj : throw ApiException.NotFound(type.GroupResource, name, type.Group);
    }

    public async Task<StoredObject> CreateAsync(ResourceType type, string? ns, JsonObject body, WriteOptions options, CancellationToken ct)
    {
        var obj = Normalize(type, ns, body, requireKind: false);
        var metadata = (JsonObject)obj["metadata"]!;
        if (metadata["resourceVersion"] is { } rv && rv.ToString().Length > 0)
        {
            throw ApiException.BadRequest("resourceVersion should not be set on objects to be created");
        }

        var name = metadata["name"]?.ToString() ?? string.Empty;
        if (name.Length == 0 && metadata["generateName"]?.ToString() is { Length: > 0 } prefix)
        {
            name = ObjectMetaRules.GenerateName(prefix);
            metadata["name"] = name;
        }

        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("managedFields");
        metadata.Remove("selfLink");
        metadata["uid"] = ObjectMetaRules.NewUid();
        metadata["creationTimestamp"] = ObjectMetaRules.Now();
        metadata["generation"] = 1;
        if (type.HasStatus && type.IsCustom)
        {
            obj.Remove("status");
        }

        if (type.Namespaced)
        {
            EnsureNamespaceAccepts(ns!);
        }

        obj = Validate(type, obj, null, options);
        if (!options.SkipAdmission)
        {
            var mutated = await _admission.MutateAsync(new AdmissionAttributes(type, null, "CREATE", ns, name, obj, null, options.DryRun), ct) ?? obj;
            if (!ReferenceEquals(mutated, obj))
            {
                obj = Validate(type, mutated, null, options);
            }

            await _admission.ValidateAsync(new AdmissionAttributes(type, null, "CREATE", ns, name, obj, null, options.DryRun), ct);
        }

        var store = _registry.StoreFor(type);
        var key = Key(type, ns, name);
        if (options.DryRun)
        {
            if (store.TryGet(key, out _))
            {
                throw ApiException.AlreadyExists(type.GroupResource, name, type.Group);
            }

            return new StoredObject(key, obj, 0);
        }

        var stored = store.Create(key, obj);
        AfterWrite(type, stored, removed: false);
        return stored;
    }

    public async Task<StoredObject> UpdateAsync(ResourceType type, string? ns, string name, string? subresource, JsonObject body, WriteOptions options, CancellationToken ct)
    {
        var obj = Normalize(type, ns, body, requireKind: false);
        var bodyName = obj["metadata"]!["name"]?.ToString() ?? string.Empty;
        if (bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var bodyRv = obj["metadata"]!["resourceVersion"]?.ToString() ?? string.Empty;
        if (bodyRv.Length == 0 && !type.AllowUnconditionalUpdate && subresource is null)
        {
            throw ApiException.Invalid(type.Kind, type.Group, name, [new StatusCause("FieldValueInvalid", "Invalid value: 0x0: must be specified for an update", "metadata.resourceVersion")]);
        }

        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Get(type, ns, name);
            if (bodyRv.Length > 0 && ParseRv(bodyRv) != current.ResourceVersion)
            {
                throw ApiException.Conflict(type.GroupResource, name, type.Group, "the object has been modified; please apply your changes to the latest version and try again");
            }

            var result = await CommitUpdateAsync(type, current, (JsonObject)obj.DeepClone(), subresource, options, ct);
            if (result is not null)
            {
                return result;
            }

            if (bodyRv.Length > 0)
            {
                throw ApiException.Conflict(type.GroupResource, name, type.Group, "the object has been modified; please apply your changes to the latest version and try again");
            }
        }

        throw new ApiException(409, "Conflict", "too many concurrent updates; try again");
    }

    public async Task<StoredObject> PatchAsync(ResourceType type, string? ns, string name, string? subresource, string patchType, JsonNode patch, WriteOptions options, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var store = _registry.StoreFor(type);
            if (!store.TryGet(Key(type, ns, name), out var current))
            {
                if (patchType == "apply" && subresource is null && patch is JsonObject applied)
                {
                    var created = (JsonObject)applied.DeepClone();
                    var meta = created["metadata"] as JsonObject ?? [];
                    meta["name"] ??= name;
                    created["metadata"] = meta;
                    return await CreateAsync(type, ns, created, options, ct);
                }

                throw ApiException.NotFound(type.GroupResource, name, type.Group);
            }

            JsonNode? patched;
            try
            {
                patched = patchType switch
                {
                    "json" => patch is JsonArray ops ? JsonPatch.Apply(current.CloneObject(), ops) : throw ApiException.BadRequest("a JSON patch must be a list of operations"),
                    "strategic" => patch is JsonObject smp ? StrategicMergePatch.Apply(current.CloneObject(), smp, type.Model!) : throw ApiException.BadRequest("a strategic merge patch must be a JSON object"),
                    _ => patch is JsonObject ? MergePatch.Apply(current.CloneObject(), patch) : throw ApiException.BadRequest("a merge patch must be a JSON object"),
                };
            }
            catch (InvalidOperationException ex)
            {
                throw new ApiException(422, "Invalid", "the patch cannot be applied: " + ex.Message);
            }

            if (patched is not JsonObject patchedObject || patchedObject["metadata"] is not JsonObject patchedMeta)
            {
                throw new ApiException(422, "Invalid", "the patch produced an object without metadata");
            }

            var patchedRv = patchedMeta["resourceVersion"]?.ToString() ?? string.Empty;
            if (patchedRv.Length > 0 && ParseRv(patchedRv) != current.ResourceVersion)
            {
                throw ApiException.Conflict(type.GroupResource, name, type.Group, "the object has been modified; please apply your changes to the latest version and try again");
            }

            if (patchedMeta["name"]?.ToString() != name)
            {
                throw ApiException.BadRequest($"the name of the object ({patchedMeta["name"]}) does not match the name on the URL ({name})");
            }

            var obj = Normalize(type, ns, patchedObject, requireKind: false);
            var result = await CommitUpdateAsync(type, current, obj, subresource, options, ct);
            if (result is not null)
            {
                return result;
            }
        }

        throw new ApiException(409, "Conflict", "too many concurrent updates; try again");
    }

    public async Task<DeleteResult> DeleteAsync(ResourceType type, string? ns, string name, DeleteRequest request, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Get(type, ns, name);
            if (request.PreconditionUid is { } uid && uid != current.Uid)
            {
                throw ApiException.Conflict(type.GroupResource, name, type.Group, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
            }

            if (request.PreconditionResourceVersion is { } prv && ParseRv(prv) != current.ResourceVersion)
            {
                throw ApiException.Conflict(type.GroupResource, name, type.Group, $"Precondition failed: ResourceVersion in precondition: {prv}, ResourceVersion in object meta: {current.ResourceVersion}");
            }

            if (!request.SkipAdmission)
            {
                await _admission.ValidateAsync(new AdmissionAttributes(type, null, "DELETE", ns, name, null, current.CloneObject(), request.DryRun), ct);
            }

            if (request.DryRun)
            {
                return new DeleteResult(current, false);
            }

            var store = _registry.StoreFor(type);
            var finalizers = ObjectMetaRules.Finalizers(current.Object);
            var alreadyDeleting = current.Metadata["deletionTimestamp"] is not null;
            if (request.PropagationPolicy == "Orphan" && !finalizers.Contains("orphan") && !alreadyDeleting)
            {
                finalizers.Add("orphan");
            }
            else if (request.PropagationPolicy == "Foreground" && !finalizers.Contains("foregroundDeletion") && !alreadyDeleting)
            {
                finalizers.Add("foregroundDeletion");
            }

            var isNamespace = type == BuiltinResources.Namespaces;
            if (finalizers.Count > 0 || isNamespace)
            {
                if (alreadyDeleting)
                {
                    return new DeleteResult(current, false);
                }

                var marked = current.CloneObject();
                var meta = (JsonObject)marked["metadata"]!;
                meta["deletionTimestamp"] = ObjectMetaRules.Now();
                meta["deletionGracePeriodSeconds"] = 0;
                meta["generation"] = (current.Metadata["generation"] is { } g ? JsonNumbers.ToLong(g) : 1) + 1;
                ObjectMetaRules.SetFinalizers(marked, finalizers);
                if (isNamespace)
                {
                    marked["status"] = new JsonObject { ["phase"] = "Terminating" };
                }

                var updated = store.Update(current.Key, current.ResourceVersion, marked);
                if (updated is null)
                {
                    continue;
                }

                DeletionHappened?.Invoke();
                return new DeleteResult(updated, false);
            }

            var removed = store.Remove(current.Key, current.ResourceVersion);
            if (removed is null)
            {
                continue;
            }

            AfterWrite(type, removed, removed: true);
            return new DeleteResult(removed, true);
        }

        throw new ApiException(409, "Conflict", "too many concurrent updates; try again");
    }

    /// <summary>
    /// Writes the Scale that <paramref name="change"/> makes of the current one: only <c>spec.replicas</c> reaches the
    /// object (at the resource's specReplicasPath); a resourceVersion in the new Scale is a precondition.
    /// </summary>
    public async Task<StoredObject> UpdateScaleAsync(ResourceType type, string? ns, string name, Func<JsonObject, JsonObject> change, WriteOptions options, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Get(type, ns, name);
            JsonObject scale;
            try
            {
                scale = change(ScaleView.Render(type, current));
            }
            catch (InvalidOperationException ex)
            {
                throw new ApiException(422, "Invalid", "the patch cannot be applied: " + ex.Message);
            }

            if (scale["kind"] is { } kind && kind.ToString() != "Scale" || scale["apiVersion"] is { } av && av.ToString() != "autoscaling/v1")
            {
                throw ApiException.BadRequest($"the body must be an autoscaling/v1 Scale, not {scale["apiVersion"]} {scale["kind"]}");
            }

            if (scale["metadata"]?["name"]?.ToString() is { } bodyName && bodyName != name)
            {
                throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            var replicas = scale["spec"]?["replicas"];
            if (replicas is null || replicas.GetValueKind() != JsonValueKind.Number || !int.TryParse(replicas.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) || count < 0)
            {
                throw ApiException.Invalid("Scale", "autoscaling", name, [new StatusCause("FieldValueInvalid", $"Invalid value: {replicas?.ToJsonString() ?? "null"}: must be greater than or equal to 0", "spec.replicas")]);
            }

            if (scale["metadata"]?["resourceVersion"]?.ToString() is { Length: > 0 } rv && ParseRv(rv) != current.ResourceVersion)
            {
                throw ApiException.Conflict(type.GroupResource, name, type.Group, "the object has been modified; please apply your changes to the latest version and try again");
            }

            var desired = current.CloneObject();
            ScaleView.Write(desired, type.Scale!.SpecReplicasPath, count);
            var result = await CommitUpdateAsync(type, current, desired, null, options, ct);
            if (result is not null)
            {
                return result;
            }
        }

        throw new ApiException(409, "Conflict", "too many concurrent updates; try again");
    }

    /// <summary>Validates, admits and stores an update; null when the object changed meanwhile (caller retries).</summary>
    private async Task<StoredObject?> CommitUpdateAsync(ResourceType type, StoredObject current, JsonObject incoming, string? subresource, WriteOptions options, CancellationToken ct)
    {
        var desired = BuildDesired(type, current, incoming, subresource);
        var finalizers = ObjectMetaRules.Finalizers(desired);
        var deleting = current.Metadata["deletionTimestamp"] is not null;
        if (deleting)
        {
            var before = ObjectMetaRules.Finalizers(current.Object);
            if (finalizers.Any(f => !before.Contains(f)))
            {
                throw ApiException.Invalid(type.Kind, type.Group, current.Name, [new StatusCause("FieldValueForbidden", "Forbidden: no new finalizers can be added if the object is being deleted", "metadata.finalizers")]);
            }
        }

        desired = Validate(type, desired, current.Object, options);
        if (!options.SkipAdmission)
        {
            var attrs = new AdmissionAttributes(type, subresource, "UPDATE", current.Namespace, current.Name, desired, current.CloneObject(), options.DryRun);
            var mutated = await _admission.MutateAsync(attrs, ct) ?? desired;
            if (!ReferenceEquals(mutated, desired))
            {
                desired = Validate(type, BuildDesired(type, current, mutated, subresource), current.Object, options);
            }

            await _admission.ValidateAsync(attrs with { Object = desired }, ct);
        }

        SetGeneration(type, current.Object, desired);
        if (JsonNode.DeepEquals(WithoutRv(desired), WithoutRv(current.Object)))
        {
            return current;
        }

        if (options.DryRun)
        {
            return new StoredObject(current.Key, desired, current.ResourceVersion);
        }

        var store = _registry.StoreFor(type);
        if (deleting && ObjectMetaRules.Finalizers(desired).Count == 0 && type != BuiltinResources.Namespaces)
        {
            var removed = store.Remove(current.Key, current.ResourceVersion);
            if (removed is not null)
            {
                AfterWrite(type, removed, removed: true);
            }

            return removed;
        }

        var stored = store.Update(current.Key, current.ResourceVersion, desired);
        if (stored is not null)
        {
            AfterWrite(type, stored, removed: false);
        }

        return stored;
    }

    /// <summary>Status isolation plus the server-owned metadata fields.</summary>
    private static JsonObject BuildDesired(ResourceType type, StoredObject current, JsonObject incoming, string? subresource)
    {
        JsonObject desired;
        if (subresource == "status")
        {
            desired = current.CloneObject();
            desired.Remove("status");
            if (incoming["status"] is { } status)
            {
                desired["status"] = status.DeepClone();
            }

            return desired;
        }

        desired = incoming;
        if (type.HasStatus)
        {
            desired.Remove("status");
            if (current.Object["status"] is { } status)
            {
                desired["status"] = status.DeepClone();
            }
        }

        var meta = (JsonObject)desired["metadata"]!;
        foreach (var field in new[] { "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace" })
        {
            meta.Remove(field);
            if (current.Metadata[field] is { } value)
            {
                meta[field] = value.DeepClone();
            }
        }

        meta.Remove("managedFields");
        meta.Remove("selfLink");
        meta["resourceVersion"] = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        return desired;
    }

    private static void SetGeneration(ResourceType type, JsonObject current, JsonObject desired)
    {
        var generation = current["metadata"]?["generation"] is { } g ? JsonNumbers.ToLong(g) : 1;
        if (!JsonNode.DeepEquals(SpecPart(type, current), SpecPart(type, desired)))
        {
            generation++;
        }

        desired["metadata"]!["generation"] = generation;
    }

    private static JsonObject SpecPart(ResourceType type, JsonObject obj)
    {
        var part = new JsonObject();
        foreach (var (k, v) in obj)
        {
            if (k is "metadata" or "apiVersion" or "kind" || (k == "status" && (type.HasStatus || !type.IsCustom)))
            {
                continue;
            }

            part[k] = v?.DeepClone();
        }

        return part;
    }

    private static JsonObject WithoutRv(JsonObject obj)
    {
        var clone = (JsonObject)obj.DeepClone();
        ((JsonObject)clone["metadata"]!).Remove("resourceVersion");
        return clone;
    }

    /// <summary>Metadata, type rules and (for custom resources) the openAPIV3Schema with pruning.</summary>
    private static JsonObject Validate(ResourceType type, JsonObject obj, JsonObject? previous, WriteOptions options)
    {
        var errors = new List<StatusCause>();
        var metadata = (JsonObject)obj["metadata"]!;
        ObjectMetaRules.Validate(type, metadata, errors);
        if (type.Model is { } model)
        {
            // Built-ins: what decoding into the Go struct does (unknown fields dropped; Strict rejects them).
            ReportUnknown(ModelDecoder.DecodeAndPrune(obj, model), options);
        }

        BuiltinRules.Prepare(type, obj, previous, errors);
        if (type.Schema is { } schema)
        {
            var (schemaErrors, pruned) = SchemaValidator.ValidateAndPrune(obj, schema);
            errors.AddRange(schemaErrors);
            ReportUnknown(pruned, options);
        }

        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type.Kind, type.Group, metadata["name"]?.ToString() ?? string.Empty, errors);
        }

        if (type == BuiltinResources.Crds)
        {
            CrdRules.SetStatus(obj, previous);
        }

        return obj;
    }

    private static void ReportUnknown(List<string> unknown, WriteOptions options)
    {
        if (unknown.Count == 0)
        {
            return;
        }

        switch (options.FieldValidation)
        {
            case "Strict":
                throw ApiException.BadRequest("strict decoding error: " + string.Join(", ", unknown.Select(p => $"unknown field \"{p}\"")));
            case "Warn":
                options.Warnings.AddRange(unknown.Select(p => $"unknown field \"{p}\""));
                break;
        }
    }

    /// <summary>apiVersion/kind/namespace checks of a request body against the endpoint.</summary>
    private static JsonObject Normalize(ResourceType type, string? ns, JsonObject body, bool requireKind)
    {
        var apiVersion = body["apiVersion"];
        if (apiVersion is not null && apiVersion.GetValueKind() != JsonValueKind.String)
        {
            throw ApiException.BadRequest("apiVersion must be a string");
        }

        var kind = body["kind"];
        if (kind is not null && kind.GetValueKind() != JsonValueKind.String)
        {
            throw ApiException.BadRequest("kind must be a string");
        }

        var av = (string?)apiVersion ?? string.Empty;
        var k = (string?)kind ?? string.Empty;
        if (requireKind && k.Length == 0)
        {
            throw ApiException.BadRequest("Object 'Kind' is missing");
        }

        if (av.Length > 0 && av != type.ApiVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({av}) does not match the expected API version ({type.ApiVersion})");
        }

        if (k.Length > 0 && k != type.Kind)
        {
            throw ApiException.BadRequest($"the kind in the data ({k}) does not match the expected kind ({type.Kind}) of {type.GroupResource}");
        }

        body["apiVersion"] = type.ApiVersion;
        body["kind"] = type.Kind;
        MoveFirst(body, "apiVersion", "kind", "metadata");
        if (body["metadata"] is null)
        {
            body["metadata"] = new JsonObject();
        }
        else if (body["metadata"] is not JsonObject)
        {
            throw ApiException.BadRequest("metadata must be an object");
        }

        var metadata = (JsonObject)body["metadata"]!;
        var bodyNs = metadata["namespace"]?.ToString() ?? string.Empty;
        if (type.Namespaced)
        {
            if (bodyNs.Length > 0 && bodyNs != ns)
            {
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        return body;
    }

    private static void MoveFirst(JsonObject obj, params string[] keys)
    {
        var rest = obj.Where(p => !keys.Contains(p.Key)).Select(p => p.Key).ToList();
        var ordered = keys.Where(obj.ContainsKey).Concat(rest).Select(key => (key, value: obj[key])).ToList();
        obj.Clear();
        foreach (var (key, value) in ordered)
        {
            obj[key] = value;
        }
    }

    private void EnsureNamespaceAccepts(string ns)
    {
        var store = _registry.StoreFor(BuiltinResources.Namespaces);
        if (!store.TryGet(ns, out var nsObj))
        {
            throw ApiException.NotFound("namespaces", ns, string.Empty);
        }

        if (nsObj.Metadata["deletionTimestamp"] is not null)
        {
            throw new ApiException(403, "Forbidden", $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    private void AfterWrite(ResourceType type, StoredObject stored, bool removed)
    {
        if (type == BuiltinResources.Crds)
        {
            if (removed)
            {
                _registry.UnregisterCrd(stored.Name);
            }
            else
            {
                _registry.RegisterCrd(stored.Name, CrdRules.ServedTypes(stored.Object));
            }
        }

        if (removed || stored.Metadata["deletionTimestamp"] is not null)
        {
            DeletionHappened?.Invoke();
        }
    }

    public static long ParseRv(string rv) =>
        long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid resourceVersion \"{rv}\": must be a decimal integer");
}
