namespace GardenerMetal.Kubernetes.Tests.Fakes;

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType, string? Authorization);
