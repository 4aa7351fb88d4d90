namespace GardenerMetal.MetalSim.Http;

/// <summary>The authenticated caller: its e-mail (allocation creator) and whether it may write.</summary>
internal sealed record SimPrincipal(string Email, bool CanWrite);
