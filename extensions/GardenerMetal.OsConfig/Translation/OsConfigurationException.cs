namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// The OperatingSystemConfig cannot be translated because of its own content. Carries Gardener's
/// <c>ERR_CONFIGURATION_PROBLEM</c> semantics (no retry helps until the spec changes) and the field path
/// of the offending value, e.g. <c>spec.files[3].content.inline.encoding</c>.
/// The message never contains file contents or secret data.
/// </summary>
public sealed class OsConfigurationException : Exception
{
    /// <summary>Gardener error code for configuration problems.</summary>
    public const string ConfigurationProblemCode = "ERR_CONFIGURATION_PROBLEM";

    /// <summary>Creates the error for <paramref name="fieldPath"/>.</summary>
    public OsConfigurationException(string fieldPath, string detail)
        : base($"{fieldPath}: {detail}")
    {
        FieldPath = fieldPath;
        Detail = detail;
    }

    /// <summary>Not for use: the field path is required.</summary>
    public OsConfigurationException()
        : this("spec", "invalid OperatingSystemConfig")
    {
    }

    /// <summary>Not for use: the field path is required.</summary>
    public OsConfigurationException(string message)
        : this("spec", message)
    {
    }

    /// <summary>Not for use: the field path is required.</summary>
    public OsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        FieldPath = "spec";
        Detail = message;
    }

    /// <summary>Path of the offending field, e.g. <c>spec.units[0].name</c>.</summary>
    public string FieldPath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Detail { get; }

    /// <summary>Gardener error codes for status.lastError.codes: always <see cref="ConfigurationProblemCode"/>.</summary>
    public IReadOnlyList<string> Codes { get; } = [ConfigurationProblemCode];
}
