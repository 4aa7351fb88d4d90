using Microsoft.Extensions.Logging;

namespace GardenerMetal.MetalApi;

/// <summary>Source-generated log messages of the client; never bodies, headers or credentials.</summary>
internal static partial class MetalApiClientLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Retrying metal-api call {OperationId} after attempt {Attempt} failed ({Failure}); waiting {DelayMs} ms")]
    public static partial void RetryScheduled(ILogger logger, string operationId, int attempt, string failure, long delayMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "metal-api call {OperationId} failed with status {StatusCode}")]
    public static partial void CallFailed(ILogger logger, string operationId, int statusCode);
}
