using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GardenerMetal.MetalApi.Tests;

public class MetalApiJsonContextTests
{
    public static TheoryData<string> ModelTypes =>
    [
        .. typeof(MetalApiJsonContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<MetalApiDefinitionAttribute>() is not null)
            .Select(t => t.FullName!),
    ];

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_EveryJsonProperty_ExistsInSwaggerWithSameType(string typeName)
    {
        // Arrange
        var type = typeof(MetalApiJsonContext).Assembly.GetType(typeName)!;
        var definitionName = type.GetCustomAttribute<MetalApiDefinitionAttribute>()!.Name;
        var definition = Swagger.Definition(definitionName);
        var specProps = definition.GetProperty("properties");
        var info = MetalApiJsonContext.Default.GetTypeInfo(type) ?? throw new Xunit.Sdk.XunitException($"{type.Name} is not in MetalApiJsonContext");

        // Act + Assert
        Assert.NotEmpty(info.Properties);
        foreach (var p in info.Properties)
        {
            Assert.True(specProps.TryGetProperty(p.Name, out var schema), $"{definitionName}.{p.Name} is not in the spec");
            AssertCompatible($"{definitionName}.{p.Name}", p.PropertyType, schema);
        }
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void RequestModel_SwaggerRequiredFields_AreRequiredInCSharp(string typeName)
    {
        var type = typeof(MetalApiJsonContext).Assembly.GetType(typeName)!;
        var definitionName = type.GetCustomAttribute<MetalApiDefinitionAttribute>()!.Name;
        var definition = Swagger.Definition(definitionName);
        var info = MetalApiJsonContext.Default.GetTypeInfo(type)!;
        var isRequest = definitionName.EndsWith("Request", StringComparison.Ordinal) || definitionName is "v1.MachineAllocationNetwork" or "v1.DNSServer" or "v1.NTPServer" or "v1.FirewallEgressRule" or "v1.FirewallIngressRule";
        var required = definition.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

        foreach (var name in required)
        {
            var prop = info.Properties.FirstOrDefault(p => p.Name == name);
            Assert.True(prop is not null, $"{definitionName}.{name} is required by the spec but missing in {type.Name}");
            if (isRequest)
            {
                Assert.True(prop!.IsRequired, $"{definitionName}.{name} is required by the spec but optional in {type.Name}");
            }
        }
    }

    private static void AssertCompatible(string where, Type clr, JsonElement schema)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        if (schema.TryGetProperty("$ref", out _))
        {
            var def = clr.GetCustomAttribute<MetalApiDefinitionAttribute>()?.Name;
            Assert.True(def == Swagger.RefName(schema), $"{where}: {clr.Name} mirrors {def}, spec refers to {Swagger.RefName(schema)}");
            return;
        }

        var type = schema.GetProperty("type").GetString();
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type)
        {
            case "string":
                Assert.True(format == "date-time" ? clr == typeof(DateTimeOffset) : clr == typeof(string), $"{where}: {clr.Name} for string/{format}");
                break;
            case "boolean":
                Assert.True(clr == typeof(bool), $"{where}: {clr.Name} for boolean");
                break;
            case "integer":
                Assert.True(format == "int32" ? clr == typeof(int) : clr == typeof(long), $"{where}: {clr.Name} for integer/{format}");
                break;
            case "array":
                var element = clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                    ? clr.GetGenericArguments()[0]
                    : throw new Xunit.Sdk.XunitException($"{where}: {clr.Name} for array");
                AssertCompatible(where + "[]", element, schema.GetProperty("items"));
                break;
            case "object":
                Assert.True(clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>), $"{where}: {clr.Name} for object");
                AssertCompatible(where + "{}", clr.GetGenericArguments()[1], schema.GetProperty("additionalProperties"));
                break;
            default:
                throw new Xunit.Sdk.XunitException($"{where}: unexpected spec type {type}");
        }
    }
}
