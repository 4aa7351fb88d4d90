namespace GardenerMetal.MetalApi;

/// <summary>Placeholder request type for routes without a body (GET and DELETE).</summary>
public sealed record EmptyRequest;
