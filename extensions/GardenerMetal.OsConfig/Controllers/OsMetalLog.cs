using Microsoft.Extensions.Logging;

namespace GardenerMetal.OsConfig.Controllers;

/// <summary>Log messages of the os-metal actuator. Names and sizes only: never user data or secret contents.</summary>
internal static partial class OsMetalLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Applied user data secret {Namespace}/{Name} ({Format}, {Bytes} bytes, written: {Written})")]
    public static partial void UserDataApplied(ILogger logger, string? @namespace, string? name, string format, int bytes, bool written);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "OperatingSystemConfig {Namespace}/{Name} has a configuration problem at {FieldPath}")]
    public static partial void ConfigurationProblem(ILogger logger, string? @namespace, string? name, string fieldPath);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Deleted user data secret {Namespace}/{Name}")]
    public static partial void ResultSecretDeleted(ILogger logger, string? @namespace, string name);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Force deletion of OperatingSystemConfig {Namespace}/{Name}: ignoring a failure to delete its user data secret")]
    public static partial void ForceDeleteIgnoredError(ILogger logger, Exception exception, string? @namespace, string? name);
}
