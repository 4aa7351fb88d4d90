namespace GardenerMetal.Provider.Validation;

/// <summary>One validation problem: where, what kind, why (and the offending value, if any).</summary>
/// <param name="Path">Field path, e.g. <c>spec.provider.infrastructureConfig.firewall.size</c>.</param>
/// <param name="Type">The kind of problem.</param>
/// <param name="Detail">Human-readable explanation.</param>
/// <param name="BadValue">The offending value as text (never a secret), or null.</param>
public sealed record FieldError(string Path, FieldErrorType Type, string Detail, string? BadValue = null)
{
    /// <summary>
    /// The name of the rule when it is stricter than upstream provider-metal (which would admit the
    /// value), null for upstream's own rules. Admission ratchets these on UPDATE (an unchanged
    /// offending value is admitted with a warning); controllers ignore them (<see cref="FieldErrors.Blocking"/>).
    /// </summary>
    public string? StricterRule { get; init; }

    /// <summary>This error marked as coming from the stricter-than-upstream rule <paramref name="rule"/>.</summary>
    public FieldError Stricter(string rule) => this with { StricterRule = rule };

    public static FieldError Required(FieldPath path, string detail) => new(path.Value, FieldErrorType.Required, detail);

    public static FieldError Invalid(FieldPath path, string? value, string detail) => new(path.Value, FieldErrorType.Invalid, detail, value ?? string.Empty);

    public static FieldError NotSupported(FieldPath path, string? value, IEnumerable<string> supported) =>
        new(path.Value, FieldErrorType.NotSupported, "supported values: " + string.Join(", ", supported.Select(s => "\"" + s + "\"")), value ?? string.Empty);

    public static FieldError Duplicate(FieldPath path, string? value) => new(path.Value, FieldErrorType.Duplicate, "duplicate entry", value ?? string.Empty);

    public static FieldError Forbidden(FieldPath path, string detail) => new(path.Value, FieldErrorType.Forbidden, detail);

    /// <summary>The Kubernetes StatusCause reason (<c>FieldValueInvalid</c> etc.).</summary>
    public string Reason => "FieldValue" + Type.ToString();

    /// <summary>The message without the path, as Kubernetes renders it (<c>Invalid value: "x": detail</c>).</summary>
    public string Message => Type switch
    {
        FieldErrorType.Required => "Required value: " + Detail,
        FieldErrorType.Invalid => "Invalid value: \"" + BadValue + "\": " + Detail,
        FieldErrorType.NotSupported => "Unsupported value: \"" + BadValue + "\": " + Detail,
        FieldErrorType.Duplicate => "Duplicate value: \"" + BadValue + "\"",
        FieldErrorType.Forbidden => "Forbidden: " + Detail,
        _ => Detail,
    };

    public override string ToString() => Path + ": " + Message;
}
