using System.Net;
using GardenerMetal.Grpc;
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
            { IsExhausted: true } => GrpcStatusCode.ResourceExhausted,
            { StatusCode: HttpStatusCode.Unauthorized } => GrpcStatusCode.Unauthenticated,
            { StatusCode: HttpStatusCode.Forbidden } => GrpcStatusCode.PermissionDenied,
            { IsTransient: true } => GrpcStatusCode.Unavailable,
            { IsNotFound: true } => GrpcStatusCode.NotFound,
            { IsConflict: true } => GrpcStatusCode.Aborted,
            { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity } => GrpcStatusCode.InvalidArgument,
            _ => GrpcStatusCode.Internal,
        };
        return new RpcException(code, $"{action}: {ex.Message}");
    }

    public static RpcException ToRpc(MetalApiConfigurationException ex) =>
        new(GrpcStatusCode.InvalidArgument, $"secret: {ex.Message}");
}
