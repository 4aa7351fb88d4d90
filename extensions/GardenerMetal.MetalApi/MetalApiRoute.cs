namespace GardenerMetal.MetalApi;

/// <summary>One metal-api v1 route the client calls, described exactly as in the Swagger spec.</summary>
/// <param name="OperationId">The Swagger <c>operationId</c> (also the fault-injection key of the simulator).</param>
/// <param name="Method">HTTP method in upper case.</param>
/// <param name="PathTemplate">Path template with <c>{name}</c> placeholders, e.g. <c>/v1/machine/{id}/free</c>.</param>
/// <param name="RequestType">The JSON body type, or <see langword="null"/> when the route has no body.</param>
/// <param name="ResponseType">The JSON response element type.</param>
/// <param name="ResponseIsArray">Whether the response is a JSON array of <paramref name="ResponseType"/>.</param>
/// <param name="Safe">Safe to retry: GET and the read-only find queries.</param>
public sealed record MetalApiRoute(
    string OperationId,
    string Method,
    string PathTemplate,
    Type? RequestType,
    Type ResponseType,
    bool ResponseIsArray,
    bool Safe)
{
    /// <summary>Expands the path template with URL-escaped values, in placeholder order.</summary>
    public string Expand(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var path = PathTemplate;
        foreach (var value in values)
        {
            var open = path.IndexOf('{', StringComparison.Ordinal);
            var close = path.IndexOf('}', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                throw new ArgumentException($"route {OperationId} has fewer placeholders than values", nameof(values));
            }

            path = string.Concat(path.AsSpan(0, open), Uri.EscapeDataString(value), path.AsSpan(close + 1));
        }

        return path.Contains('{', StringComparison.Ordinal)
            ? throw new ArgumentException($"route {OperationId} needs more values", nameof(values))
            : path;
    }
}
