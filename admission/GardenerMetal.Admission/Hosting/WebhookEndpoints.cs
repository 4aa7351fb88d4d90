using System.IO.Pipelines;
using System.Text.Json;
using GardenerMetal.Admission.Handlers;
using GardenerMetal.Admission.Review;
using Microsoft.AspNetCore.Http.Features;

namespace GardenerMetal.Admission.Hosting;

/// <summary>The HTTP side: body limits, AdmissionReview parsing and errors, dispatch.</summary>
internal sealed partial class WebhookEndpoints(AdmissionHandler handler, AdmissionOptions options, ILogger<WebhookEndpoints> logger)
{
    /// <summary>Bad input is logged as one short line, at most 5 per 10 s (a flood must not fill the disk).</summary>
    private readonly LogLimiter _badInputLog = new(5, TimeSpan.FromSeconds(10), TimeProvider.System);

    /// <summary>Unexpected failures carry a stack trace; at most 5 per minute.</summary>
    private readonly LogLimiter _failureLog = new(5, TimeSpan.FromMinutes(1), TimeProvider.System);

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
        try
        {
            await HandleCoreAsync(context, review);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && ex is not BadHttpRequestException)
        {
            // Never an empty 500 with a trace per request: one rate-limited line and a reason for the caller.
            if (_failureLog.TryAcquire(out var suppressed))
            {
                LogFailure(logger, context.Request.Path.Value ?? "?", suppressed, ex);
            }

            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await PlainAsync(context, StatusCodes.Status500InternalServerError, "internal error while reading the AdmissionReview; see the webhook log");
            }
        }
    }

    private async Task HandleCoreAsync(HttpContext context, Func<AdmissionRequest, CancellationToken, Task<AdmissionResponse>> review)
    {
        var ct = context.RequestAborted;
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "request body exceeds " + options.MaxRequestBodyBytes + " bytes");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }

        if (!IsJson(context.Request.ContentType))
        {
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, "content-type must be application/json (charset utf-8, if given)");
            return;
        }

        var reader = context.Request.BodyReader;
        ReadResult read;
        try
        {
            // Buffer the whole body in the request pipe (bounded by Kestrel's MaxRequestBodySize).
            while (true)
            {
                read = await reader.ReadAsync(ct);
                if (read.IsCompleted || read.IsCanceled)
                {
                    break;
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "request body exceeds " + options.MaxRequestBodyBytes + " bytes");
            return;
        }

        // Parsed once, in place: request.object stays a view into the pipe's buffer (no copy), so the
        // buffer is released only after the response has been written.
        JsonDocument? document = null;
        try
        {
            AdmissionReview body;
            if (!IsUtf8(read.Buffer))
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, "malformed AdmissionReview: the body is not valid UTF-8");
                return;
            }

            try
            {
                document = JsonDocument.Parse(read.Buffer);
                body = AdmissionReviewReader.Read(document.RootElement);
            }
            catch (JsonException ex)
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, "malformed AdmissionReview: invalid JSON at " + (ex.Path ?? "$") + " (line " + ex.LineNumber + ")" + (ex.Path is null ? string.Empty : ": " + ex.Message));
                return;
            }

            await ReviewAsync(context, body, review, ct);
        }
        finally
        {
            document?.Dispose();
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private async Task ReviewAsync(HttpContext context, AdmissionReview body, Func<AdmissionRequest, CancellationToken, Task<AdmissionResponse>> review, CancellationToken ct)
    {
        var problem = body switch
        {
            { ApiVersion: not AdmissionReview.V1 } => "apiVersion must be " + AdmissionReview.V1,
            { Kind: not "AdmissionReview" } => "kind must be AdmissionReview",
            { Request: null } => "request is missing",
            { Request.Uid: null or "" } => "request.uid is missing",
            { Request.Kind: null } => "request.kind is missing",
            _ => null,
        };
        if (problem is not null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "malformed AdmissionReview: " + problem);
            return;
        }

        var request = body.Request!;
        AdmissionResponse response;
        try
        {
            response = await review(request, ct);
        }
        catch (JsonException ex)
        {
            var reason = "request.object cannot be decoded as " + request.Kind?.Kind + ": invalid value at " + (ex.Path ?? "$");
            LogBadInput(context, 400, reason);
            response = Responses.Failed(request.Uid!, 400, "BadRequest", reason);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            if (_failureLog.TryAcquire(out var suppressed))
            {
                LogUnexpected(logger, request.Kind?.Kind ?? "?", suppressed, ex);
            }

            response = Responses.Failed(request.Uid!, 500, "InternalError", "internal error while reviewing the " + request.Kind?.Kind + "; see the webhook log");
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.BodyWriter, new AdmissionReview { ApiVersion = AdmissionReview.V1, Kind = "AdmissionReview", Response = response }, ReviewJsonContext.Default.AdmissionReview, ct);
    }

    private static Task<AdmissionResponse> ValidateSecretAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(AdmissionHandler.ValidateSecret(request));

    /// <summary>application/json with an optional utf-8 charset; anything else (application/jsonx, text/plain, latin1) is not.</summary>
    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || media.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private static bool IsUtf8(in System.Buffers.ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return System.Text.Unicode.Utf8.IsValid(body.FirstSpan);
        }

        var copy = System.Buffers.ArrayPool<byte>.Shared.Rent(checked((int)body.Length));
        try
        {
            System.Buffers.BuffersExtensions.CopyTo(body, copy);
            return System.Text.Unicode.Utf8.IsValid(copy.AsSpan(0, (int)body.Length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>A plain-text HTTP error for input that is not a usable AdmissionReview, and one rate-limited log line.</summary>
    private Task RejectAsync(HttpContext context, int status, string reason)
    {
        LogBadInput(context, status, reason);
        return PlainAsync(context, status, reason);
    }

    private void LogBadInput(HttpContext context, int status, string reason)
    {
        if (_badInputLog.TryAcquire(out var suppressed))
        {
            LogRejected(logger, context.Request.Path.Value ?? "?", status, reason.Length > 200 ? reason[..200] + "…" : reason, suppressed);
        }
    }

    private static Task PlainAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason + "\n", context.RequestAborted);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Unexpected failure while reviewing a {Kind} ({Suppressed} similar lines suppressed before)")]
    private static partial void LogUnexpected(ILogger logger, string kind, int suppressed, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Rejected a request to {Path}: {Status} {Reason} ({Suppressed} similar lines suppressed before)")]
    private static partial void LogRejected(ILogger logger, string path, int status, string reason, int suppressed);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Unexpected failure while handling a request to {Path} ({Suppressed} similar lines suppressed before)")]
    private static partial void LogFailure(ILogger logger, string path, int suppressed, Exception exception);
}
