using Microsoft.AspNetCore.Http;

namespace GardenerMetal.MetalSim.Http;

/// <summary>One simulated metal-api route.</summary>
internal sealed record SimRoute(string OperationId, string Method, string Path, bool Safe, Func<HttpContext, SimPrincipal, Task> Handler);
