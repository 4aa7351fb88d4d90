using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Mcm.Transport;

/// <summary>
/// The last word on what a driver call answers: an <see cref="RpcException"/> keeps its code (MCM's 17 included) with
/// the detail cut to <see cref="DriverServerOptions.MaxStatusDetailLength"/> characters; any other exception answers
/// Unknown with a fixed detail and one log line naming only the method and the exception type (exception text may
/// carry request data or secrets). Cancellation is left to Grpc.AspNetCore (DeadlineExceeded or Cancelled).
/// </summary>
internal sealed partial class DriverStatusInterceptor(ILogger<DriverStatusInterceptor> logger) : Interceptor
{
    /// <summary>The detail of an unexpected failure.</summary>
    public const string UnexpectedDetail = "Exception was thrown by handler.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex) when (ex.Status.Detail.Length > DriverServerOptions.MaxStatusDetailLength)
        {
            throw new RpcException(new Status(ex.StatusCode, Cap(ex.Status.Detail)), ex.Trailers);
        }
        catch (Exception ex) when (ex is not RpcException and not OperationCanceledException)
        {
            LogUnexpected(logger, context.Method, ex.GetType().FullName ?? ex.GetType().Name);
            throw new RpcException(new Status(StatusCode.Unknown, UnexpectedDetail));
        }
    }

    /// <summary>Cuts a detail to the limit, marking the cut.</summary>
    internal static string Cap(string detail)
    {
        const string Marker = "…(truncated)";
        return detail.Length <= DriverServerOptions.MaxStatusDetailLength
            ? detail
            : string.Concat(detail.AsSpan(0, DriverServerOptions.MaxStatusDetailLength - Marker.Length), Marker);
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Driver method {Method} failed with an unexpected {ExceptionType}; answered Unknown")]
    private static partial void LogUnexpected(ILogger logger, string method, string exceptionType);
}
