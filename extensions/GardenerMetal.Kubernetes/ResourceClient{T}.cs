using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Kubernetes.Serialization;

namespace GardenerMetal.Kubernetes;

/// <summary>
/// CRUD, patch, status and watch for one resource, typed as <typeparamref name="T"/> (a model
/// implementing <see cref="IKubernetesObject"/>, or <see cref="System.Text.Json.Nodes.JsonObject"/>).
/// Obtain it from <see cref="KubernetesClient.Resource{T}"/>. Pass <c>null</c> as namespace for
/// cluster-scoped resources (and to list/watch across all namespaces).
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed class ResourceClient<T>
    where T : class
{
    private const int DefaultPageSize = 500;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    internal ResourceClient(KubernetesClient client, ResourceDescriptor resource, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(typeInfo);
        Client = client;
        Resource = resource;
        TypeInfo = typeInfo;
    }

    /// <summary>The client this resource client sends through.</summary>
    public KubernetesClient Client { get; }

    /// <summary>The resource.</summary>
    public ResourceDescriptor Resource { get; }

    /// <summary>JSON metadata for <typeparamref name="T"/>.</summary>
    public JsonTypeInfo<T> TypeInfo { get; }

    /// <summary>Reads one object. Throws <see cref="Errors.KubernetesNotFoundException"/> when it does not exist.</summary>
    /// <param name="namespace">Namespace (null for cluster-scoped).</param>
    /// <param name="name">Name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The object.</returns>
    public async Task<T> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var body = await Client.SendAsync(HttpMethod.Get, Resource.PathFor(@namespace, name), null, null, cancellationToken);
        return Deserialize(body);
    }

    /// <summary>Reads one object, or returns null when it does not exist.</summary>
    /// <param name="namespace">Namespace (null for cluster-scoped).</param>
    /// <param name="name">Name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The object or null.</returns>
    public async Task<T?> TryGetAsync(string? @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(@namespace, name, cancellationToken);
        }
        catch (Errors.KubernetesNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Lists one page of objects.</summary>
    /// <param name="namespace">Namespace, or null for all namespaces / cluster-scoped.</param>
    /// <param name="options">Selectors, limit and continue token.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The items and the list metadata (resourceVersion, continue).</returns>
    public async Task<KubernetesList<T>> ListAsync(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder();
        if (options is not null)
        {
            query.Add("labelSelector", options.LabelSelector);
            query.Add("fieldSelector", options.FieldSelector);
            query.Add("limit", options.Limit?.ToString(CultureInfo.InvariantCulture));
            query.Add("continue", options.Continue);
            query.Add("resourceVersion", options.ResourceVersion);
        }

        var body = await Client.SendAsync(HttpMethod.Get, Resource.PathFor(@namespace), query.ToString(), null, cancellationToken);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var meta = root.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
            ? m.Deserialize(KubernetesJsonContext.Default.ListMeta) ?? new ListMeta()
            : new ListMeta();
        var items = new List<T>();
        if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            items.Capacity = array.GetArrayLength();
            foreach (var element in array.EnumerateArray())
            {
                var item = element.Deserialize(TypeInfo) ?? throw new JsonException($"{Resource.Plural}: list item is null.");
                ObjectAccess.EnsureTypeMeta(item, Resource);
                items.Add(item);
            }
        }

        return new KubernetesList<T>(items, meta);
    }

    /// <summary>Lists every object, following continue tokens page by page (default page size 500).</summary>
    /// <param name="namespace">Namespace, or null for all namespaces / cluster-scoped.</param>
    /// <param name="options">Selectors and page size; <see cref="ListOptions.Continue"/> is where to start.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>All objects.</returns>
    public async IAsyncEnumerable<T> ListAllAsync(string? @namespace, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = (options ?? new ListOptions()) with { Limit = options?.Limit ?? DefaultPageSize };
        while (true)
        {
            var list = await ListAsync(@namespace, page, cancellationToken);
            foreach (var item in list.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(list.Metadata.Continue))
            {
                yield break;
            }

            page = page with { Continue = list.Metadata.Continue };
        }
    }

    /// <summary>Creates <paramref name="obj"/> in its <c>metadata.namespace</c>. Throws <see cref="Errors.KubernetesAlreadyExistsException"/> when the name is taken.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created object as stored by the server.</returns>
    public async Task<T> CreateAsync(T obj, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var ns = NamespaceOf(obj);
        var body = await Client.SendAsync(HttpMethod.Post, Resource.PathFor(ns), null, Content(obj), cancellationToken);
        return Deserialize(body);
    }

    /// <summary>
    /// Replaces <paramref name="obj"/> (PUT). With <c>metadata.resourceVersion</c> set, a concurrent
    /// change makes it fail with <see cref="Errors.KubernetesConflictException"/>. Status changes are ignored
    /// by the server when the resource has a status subresource.
    /// </summary>
    /// <param name="obj">The object.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The stored object.</returns>
    public Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken = default) => PutAsync(obj, null, cancellationToken);

    /// <summary>Replaces the status of <paramref name="obj"/> through the <c>/status</c> subresource (PUT).</summary>
    /// <param name="obj">The object with the new status and its resourceVersion.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The stored object.</returns>
    public Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken = default) => PutAsync(obj, "status", cancellationToken);

    /// <summary>Patches one object (merge, JSON or strategic-merge patch).</summary>
    /// <param name="namespace">Namespace (null for cluster-scoped).</param>
    /// <param name="name">Name.</param>
    /// <param name="patch">The patch.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The patched object.</returns>
    public Task<T> PatchAsync(string? @namespace, string name, KubernetesPatch patch, CancellationToken cancellationToken = default)
        => SendPatchAsync(@namespace, name, patch, null, cancellationToken);

    /// <summary>Patches the <c>/status</c> subresource of one object.</summary>
    /// <param name="namespace">Namespace (null for cluster-scoped).</param>
    /// <param name="name">Name.</param>
    /// <param name="patch">The patch (paths relative to the whole object, e.g. <c>{"status":{...}}</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The patched object.</returns>
    public Task<T> PatchStatusAsync(string? @namespace, string name, KubernetesPatch patch, CancellationToken cancellationToken = default)
        => SendPatchAsync(@namespace, name, patch, "status", cancellationToken);

    /// <summary>
    /// Deletes one object. Returns the object when the server answers with it (if it carries a
    /// <c>deletionTimestamp</c> and finalizers it still exists until they are removed), or null when the
    /// server answers with a Success Status.
    /// </summary>
    /// <param name="namespace">Namespace (null for cluster-scoped).</param>
    /// <param name="name">Name.</param>
    /// <param name="options">Preconditions (uid/resourceVersion → Conflict when stale) and propagation policy.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The remaining object, or null.</returns>
    public async Task<T?> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        HttpContent? content = null;
        if (options is not null)
        {
            content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(options, KubernetesJsonContext.Default.DeleteOptions));
            content.Headers.ContentType = JsonMediaType;
        }

        using (content)
        {
            var body = await Client.SendAsync(HttpMethod.Delete, Resource.PathFor(@namespace, name), null, content, cancellationToken);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("kind", out var kind) && kind.ValueEquals("Status") && Resource.Kind != "Status")
            {
                return null;
            }

            var obj = document.RootElement.Deserialize(TypeInfo);
            if (obj is not null)
            {
                ObjectAccess.EnsureTypeMeta(obj, Resource);
            }

            return obj;
        }
    }

    /// <summary>
    /// Watches the collection and streams events until the server closes the stream (its timeout),
    /// an error occurs, or <paramref name="cancellationToken"/> fires. A too-old resourceVersion arrives
    /// either as <see cref="Errors.KubernetesGoneException"/> or as an <see cref="WatchEventType.Error"/>
    /// event whose <see cref="WatchEvent{T}.Status"/> has code 410: relist then.
    /// </summary>
    /// <param name="namespace">Namespace, or null for all namespaces / cluster-scoped.</param>
    /// <param name="options">resourceVersion, bookmarks, selectors, server timeout.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? @namespace, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new WatchOptions();
        var query = new QueryBuilder();
        query.Add("watch", "true");
        query.Add("resourceVersion", options.ResourceVersion);
        query.Add("allowWatchBookmarks", options.AllowWatchBookmarks ? "true" : null);
        query.Add("labelSelector", options.LabelSelector);
        query.Add("fieldSelector", options.FieldSelector);
        query.Add("timeoutSeconds", options.Timeout is { } t ? ((long)Math.Max(1, t.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null);
        var path = Resource.PathFor(@namespace);
        var (response, cts) = await Client.OpenStreamAsync(path, query.ToString(), cancellationToken);
        using (cts)
        using (response)
        {
            var stream = await response.Content.ReadAsStreamAsync(cts.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(cts.Token);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    // The server or network closed the stream: end of this watch; the caller re-watches.
                    yield break;
                }

                if (line is null)
                {
                    yield break;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                yield return ParseEvent(line, path);
            }
        }
    }

    internal WatchEvent<T> ParseEvent(string line, string path)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var typeText = root.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        var type = typeText switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => WatchEventType.Error,
            _ => throw new JsonException($"GET {path} (watch): unknown event type '{typeText}'."),
        };
        if (!root.TryGetProperty("object", out var objectElement) || objectElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"GET {path} (watch): {typeText} event without an object.");
        }

        if (type == WatchEventType.Error)
        {
            return new WatchEvent<T>(type, null, objectElement.Deserialize(KubernetesJsonContext.Default.Status));
        }

        var obj = objectElement.Deserialize(TypeInfo) ?? throw new JsonException($"GET {path} (watch): null object.");
        ObjectAccess.EnsureTypeMeta(obj, Resource);
        return new WatchEvent<T>(type, obj, null);
    }

    private async Task<T> PutAsync(T obj, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var name = ObjectAccess.Name(obj);
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"{Resource.Plural}: metadata.name is required to replace an object.", nameof(obj));
        }

        var path = Resource.PathFor(NamespaceOf(obj), name, subresource);
        var body = await Client.SendAsync(HttpMethod.Put, path, null, Content(obj), cancellationToken);
        return Deserialize(body);
    }

    private async Task<T> SendPatchAsync(string? @namespace, string name, KubernetesPatch patch, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(patch);
        using var content = new StringContent(patch.Body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(patch.ContentType);
        var body = await Client.SendAsync(HttpMethod.Patch, Resource.PathFor(@namespace, name, subresource), null, content, cancellationToken);
        return Deserialize(body);
    }

    private string? NamespaceOf(T obj)
    {
        var ns = ObjectAccess.Namespace(obj);
        if (Resource.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{Resource.Plural}: metadata.namespace is required for a namespaced resource.", nameof(obj));
        }

        if (!Resource.Namespaced && !string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{Resource.Plural}: metadata.namespace must be empty for a cluster-scoped resource.", nameof(obj));
        }

        return ns;
    }

    private ByteArrayContent Content(T obj)
    {
        ObjectAccess.EnsureTypeMeta(obj, Resource);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(obj, TypeInfo));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private T Deserialize(byte[] body)
    {
        var obj = JsonSerializer.Deserialize(body, TypeInfo) ?? throw new JsonException($"{Resource.Plural}: the server returned JSON null.");
        ObjectAccess.EnsureTypeMeta(obj, Resource);
        return obj;
    }
}
