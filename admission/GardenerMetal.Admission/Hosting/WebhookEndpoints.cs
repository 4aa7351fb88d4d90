using System.Text.Json;
using GardenerMetal.Admission.Handlers;
using GardenerMetal.Admission.Review;
using Microsoft.AspNetCore.Http.Features;

namespace GardenerMetal.Admission.Hosting;

/// <summary>The HTTP side: body limits, AdmissionReview parsing and errors, dispatch.</summary>
internal sealed partial class WebhookEndpoints(AdmissionHandler handler, AdmissionOptions options, ILogger<WebhookEndpoints> logger)
{
    public const string ValidatePath = "/webhooks/validate";
    public const string ValidateSecretsPath = "/webhooks/validate/secrets";
    public const string MutatePath = "/webhooks/mutate";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(ValidatePath, (RequestDelegate)(context => HandleAsync(context, handler.ValidateAsync)));
        app.MapPost(ValidateSecretsPath, (RequestDelegate)(context => HandleAsync(context, ValidateSecretAsync)));
        app.MapPost(MutatePath, (RequestDelegate)(context => HandleAsync(context, handler.MutateAsync)));
        app.MapGet("/healthz", context => context.Response.WriteAsync("ok", context.RequestAborted));
    }

    private async Task HandleAsync(HttpContext context, Func<AdmissionRequest, CancellationToken, Task<AdmissionResponse>> review)
    {
        var ct = context.RequestAborted;
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            await PlainAsync(context, StatusCodes.Status413PayloadTooLarge, "request body exceeds " + options.MaxRequestBodyBytes + " bytes");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }

        if (context.Request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await PlainAsync(context, StatusCodes.Status415UnsupportedMediaType, "content-type must be application/json");
            return;
        }

        AdmissionReview? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, ReviewJsonContext.Default.AdmissionReview, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await PlainAsync(context, StatusCodes.Status413PayloadTooLarge, "request body exceeds " + options.MaxRequestBodyBytes + " bytes");
            return;
        }
        catch (JsonException ex)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, "malformed AdmissionReview: invalid JSON at " + (ex.Path ?? "$") + " (line " + ex.LineNumber + ")");
            return;
        }

        var problem = body switch
        {
            null => "the body must be an AdmissionReview object",
            { ApiVersion: not AdmissionReview.V1 } => "apiVersion must be " + AdmissionReview.V1,
            { Kind: not "AdmissionReview" } => "kind must be AdmissionReview",
            { Request: null } => "request is missing",
            { Request.Uid: null or "" } => "request.uid is missing",
            { Request.Kind: null } => "request.kind is missing",
            _ => null,
        };
        if (problem is not null)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, "malformed AdmissionReview: " + problem);
            return;
        }

        var request = body!.Request!;
        AdmissionResponse response;
        try
        {
            response = await review(request, ct);
        }
        catch (JsonException ex)
        {
            response = Responses.Failed(request.Uid!, 400, "BadRequest", "request.object cannot be decoded as " + request.Kind?.Kind + ": invalid value at " + (ex.Path ?? "$"));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogUnexpected(logger, request.Kind?.Kind ?? "?", ex);
            response = Responses.Failed(request.Uid!, 500, "InternalError", "internal error while reviewing the " + request.Kind?.Kind + "; see the webhook log");
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new AdmissionReview { ApiVersion = AdmissionReview.V1, Kind = "AdmissionReview", Response = response }, ReviewJsonContext.Default.AdmissionReview, ct);
    }

    private static Task<AdmissionResponse> ValidateSecretAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(AdmissionHandler.ValidateSecret(request));

    private static Task PlainAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason + "\n", context.RequestAborted);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Unexpected failure while reviewing a {Kind}")]
    private static partial void LogUnexpected(ILogger logger, string kind, Exception exception);
}
