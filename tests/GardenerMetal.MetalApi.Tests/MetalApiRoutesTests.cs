using System.Reflection;
using System.Text.Json;

namespace GardenerMetal.MetalApi.Tests;

public class MetalApiRoutesTests
{
    public static TheoryData<string> RouteIds => [.. MetalApiRoutes.All.Select(r => r.OperationId)];

    private static string Def(Type t) =>
        t.GetCustomAttribute<MetalApiDefinitionAttribute>()?.Name ?? throw new Xunit.Sdk.XunitException($"{t.Name} has no [MetalApiDefinition]");

    [Theory]
    [MemberData(nameof(RouteIds))]
    public void Route_InSwagger_SameMethodOperationBodyAndResponse(string operationId)
    {
        // Arrange
        var route = MetalApiRoutes.All.Single(r => r.OperationId == operationId);
        Assert.True(Swagger.Root.GetProperty("paths").TryGetProperty(route.PathTemplate, out var path), $"{route.PathTemplate} is not in the spec");
        Assert.True(path.TryGetProperty(route.Method.ToLowerInvariant(), out var op), $"{route.Method} {route.PathTemplate} is not in the spec");

        // Act
        var parameters = op.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
        var body = parameters.FirstOrDefault(p => p.GetProperty("in").GetString() == "body");
        var pathParams = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
        var success = op.GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2')).Value.GetProperty("schema");

        // Assert
        Assert.Equal(op.GetProperty("operationId").GetString(), route.OperationId);
        if (route.RequestType is null)
        {
            Assert.Equal(JsonValueKind.Undefined, body.ValueKind);
        }
        else
        {
            Assert.Equal(Def(route.RequestType), Swagger.RefName(body.GetProperty("schema")));
        }

        var placeholders = System.Text.RegularExpressions.Regex.Matches(route.PathTemplate, "{([^}]+)}").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(pathParams, placeholders);
        if (route.ResponseIsArray)
        {
            Assert.Equal("array", success.GetProperty("type").GetString());
            Assert.Equal(Def(route.ResponseType), Swagger.RefName(success.GetProperty("items")));
        }
        else
        {
            Assert.Equal(Def(route.ResponseType), Swagger.RefName(success));
        }

        Assert.Equal(route.Method == "GET" || route.OperationId.StartsWith("find", StringComparison.Ordinal) || route.OperationId.StartsWith("list", StringComparison.Ordinal) || route.OperationId is "info" or "health", route.Safe);
    }

    [Fact]
    public void Expand_IdWithReservedCharacters_IsEscaped()
    {
        Assert.Equal("/v1/machine/a%2Fb/free", MetalApiRoutes.FreeMachine.Expand("a/b"));
        Assert.Throws<ArgumentException>(() => MetalApiRoutes.FreeMachine.Expand());
    }
}
