namespace GardenerMetal.Grpc;

/// <summary>The outcome of a call: a code and a human-readable detail.</summary>
/// <param name="Code">The status code.</param>
/// <param name="Detail">The message (grpc-message), possibly empty.</param>
public readonly record struct GrpcStatus(GrpcStatusCode Code, string Detail)
{
    /// <summary>The successful status.</summary>
    public static GrpcStatus Ok { get; } = new(GrpcStatusCode.OK, string.Empty);

    /// <inheritdoc />
    public override string ToString() => $"Status(StatusCode=\"{Code}\", Detail=\"{Detail}\")";
}
