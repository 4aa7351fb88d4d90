using GardenerMetal.Kubernetes.Errors;

namespace GardenerMetal.Kubernetes.Tests.Errors;

public sealed class KubernetesErrorsTests
{
    private static string StatusJson(int code, string reason, string message = "m")
        => $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{message}}","reason":"{{reason}}","code":{{code}}}""";

    public static TheoryData<int, string, Type, bool> Mappings => new()
    {
        { 404, "NotFound", typeof(KubernetesNotFoundException), false },
        { 409, "AlreadyExists", typeof(KubernetesAlreadyExistsException), false },
        { 409, "Conflict", typeof(KubernetesConflictException), false },
        { 422, "Invalid", typeof(KubernetesInvalidException), false },
        { 401, "Unauthorized", typeof(KubernetesUnauthorizedException), false },
        { 403, "Forbidden", typeof(KubernetesForbiddenException), false },
        { 410, "Expired", typeof(KubernetesGoneException), false },
        { 429, "TooManyRequests", typeof(KubernetesTooManyRequestsException), true },
        { 500, "InternalError", typeof(KubernetesServerException), true },
        { 503, "ServiceUnavailable", typeof(KubernetesServerException), true },
        { 501, "NotImplemented", typeof(KubernetesServerException), false },
        { 504, "Timeout", typeof(KubernetesTimeoutException), true },
        { 400, "BadRequest", typeof(KubernetesApiException), false },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void FromResponse_StatusBody_MapsToTypedException(int code, string reason, Type expected, bool retryable)
    {
        var ex = KubernetesErrors.FromResponse(code, StatusJson(code, reason), "GET /api/v1/x", null);

        Assert.IsType(expected, ex);
        Assert.Equal(code, ex.StatusCode);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(retryable, ex.IsRetryable);
        Assert.StartsWith("GET /api/v1/x: " + code, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_InvalidWithCauses_ExposesFieldPaths()
    {
        const string body = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid","code":422,
             "message":"Infrastructure.extensions.gardener.cloud \"x\" is invalid",
             "details":{"name":"x","kind":"Infrastructure","causes":[
               {"reason":"FieldValueRequired","message":"Required value","field":"spec.region"},
               {"reason":"FieldValueNotSupported","message":"Unsupported value: \"y\"","field":"spec.type"}]}}
            """;

        var ex = Assert.IsType<KubernetesInvalidException>(KubernetesErrors.FromResponse(422, body, "POST /apis/x", null));

        Assert.Equal(["spec.region", "spec.type"], ex.Causes.Select(c => c.Field));
        Assert.Contains("spec.region: Required value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_NonStatusBody_KeepsTextAndMapsByCode()
    {
        var ex = KubernetesErrors.FromResponse(502, "<html>bad gateway</html>", "GET /api", null);

        Assert.IsType<KubernetesServerException>(ex);
        Assert.True(ex.IsRetryable);
        Assert.Null(ex.Status);
        Assert.Contains("bad gateway", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_RetryAfterSeconds_IsExposed()
    {
        const string body = """{"kind":"Status","reason":"TooManyRequests","code":429,"details":{"retryAfterSeconds":3}}""";

        var ex = KubernetesErrors.FromResponse(429, body, "GET /api", null);

        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(7), KubernetesErrors.FromResponse(429, body, "GET /api", TimeSpan.FromSeconds(7)).RetryAfter);
    }
}
