using System.Net;
using Grpc.Core;
using GardenerMetal.MetalApi;

namespace GardenerMetal.Mcm.Metal;

/// <summary>
/// Maps metal-api failures to driver status codes so MCM picks the right retry period
/// (upstream answers Internal for everything).
/// </summary>
internal static class MetalErrors
{
    public static RpcException ToRpc(MetalApiException ex, string action)
    {
        var code = ex switch
        {
            { IsExhausted: true } => StatusCode.ResourceExhausted,
            { StatusCode: HttpStatusCode.Unauthorized } => StatusCode.Unauthenticated,
            { StatusCode: HttpStatusCode.Forbidden } => StatusCode.PermissionDenied,
            { IsTransient: true } => StatusCode.Unavailable,
            { IsNotFound: true } => StatusCode.NotFound,
            { IsConflict: true } => StatusCode.Aborted,
            { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity } => StatusCode.InvalidArgument,
            _ => StatusCode.Internal,
        };
        return new RpcException(new Status(code, $"{action}: {ex.Message}"));
    }

    public static RpcException ToRpc(MetalApiConfigurationException ex) =>
        new(new Status(StatusCode.InvalidArgument, $"secret: {ex.Message}"));
}
