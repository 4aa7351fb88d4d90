using Grpc.Core;

namespace GardenerMetal.Mcm.Transport;

/// <summary>
/// machine-controller-manager's codes beyond gRPC's 0–16 (machinecodes/codes/codes.go). They travel as an ordinary
/// <c>grpc-status</c> value; Grpc.Net.Client and Grpc.AspNetCore carry the number through unchanged.
/// </summary>
public static class McmStatusCodes
{
    /// <summary>The VM exists but InitializeMachine has not run yet (17).</summary>
    public const StatusCode Uninitialized = (StatusCode)17;

    /// <summary>The code's name, MCM's names included (<see cref="StatusCode"/> has no member for 17).</summary>
    public static string Name(StatusCode code) => code == Uninitialized ? "Uninitialized" : code.ToString();
}
