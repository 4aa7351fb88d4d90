namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>The resolved inputs of one ControlPlane operation.</summary>
/// <param name="Namespace">The shoot's seed namespace.</param>
/// <param name="ShootName">The shoot's name (the DNSRecord is <c>&lt;shoot&gt;-external</c>).</param>
/// <param name="Hibernated">The shoot is (being) hibernated.</param>
/// <param name="Values">Everything the renderer needs except the server certificate, which reconcile adds.</param>
internal sealed record ControlPlaneContext(string Namespace, string ShootName, bool Hibernated, ControlPlaneValues Values);
