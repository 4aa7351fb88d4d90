using Microsoft.Extensions.Logging;

namespace GardenerMetal.Mcm.Metal;

/// <summary>Log messages of the metal driver (never secrets or user data).</summary>
internal static partial class MetalDriverLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Allocated metal machine {ProviderId} for {MachineName}")]
    public static partial void Allocated(ILogger logger, string machineName, string providerId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Metal machine {ProviderId} already exists for {MachineName}; returning it")]
    public static partial void Adopted(ILogger logger, string machineName, string providerId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Freed metal machine {ProviderId} of {MachineName}")]
    public static partial void Freed(ILogger logger, string machineName, string providerId);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "No metal machine left for {MachineName}; delete is done")]
    public static partial void AlreadyGone(ILogger logger, string machineName);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "{Count} metal machines carry the name {MachineName} in one cluster; using the oldest")]
    public static partial void Duplicates(ILogger logger, string machineName, int count);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "metal-api call {Action} failed with {Code}")]
    public static partial void ApiFailed(ILogger logger, string action, global::Grpc.Core.StatusCode code);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Another process allocated {WinnerProviderId} for {MachineName} at the same time; freed this call's {ProviderId} and returned the older one")]
    public static partial void FreedDuplicate(ILogger logger, string machineName, string providerId, string winnerProviderId);
}
