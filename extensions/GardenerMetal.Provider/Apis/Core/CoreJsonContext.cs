using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>Tolerant (unknown fields ignored) source-generated JSON for Gardener's and Kubernetes' objects.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Shoot))]
[JsonSerializable(typeof(CloudProfile))]
[JsonSerializable(typeof(SecretBinding))]
[JsonSerializable(typeof(CredentialsBinding))]
[JsonSerializable(typeof(Secret))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
