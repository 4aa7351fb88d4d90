namespace GardenerMetal.Provider.Validation;

/// <summary>The "field is immutable" check (as Kubernetes' ValidateImmutableField).</summary>
internal static class Immutable
{
    public static void Check(List<FieldError> errors, FieldPath path, string? old, string? value)
    {
        if (!string.Equals(old ?? string.Empty, value ?? string.Empty, StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid(path, value, "field is immutable"));
        }
    }
}
