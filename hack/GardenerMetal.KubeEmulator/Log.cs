using Microsoft.Extensions.Logging;

namespace GardenerMetal.KubeEmulator;

/// <summary>Source-generated log messages of the emulator (static texts, no secrets).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Kubernetes API emulator listening on {Address}")]
    public static partial void Listening(ILogger logger, Uri address);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Webhook {Webhook} failed and its failurePolicy is Ignore: {Reason}")]
    public static partial void WebhookIgnored(ILogger logger, string webhook, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Unexpected error while serving {Method} {Path}")]
    public static partial void Unexpected(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Garbage collection sweep failed")]
    public static partial void GcFailed(ILogger logger, Exception exception);
}
