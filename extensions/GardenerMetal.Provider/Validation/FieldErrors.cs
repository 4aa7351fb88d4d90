namespace GardenerMetal.Provider.Validation;

/// <summary>Splitting field errors into what blocks and what only warns.</summary>
public static class FieldErrors
{
    /// <summary>
    /// The errors upstream provider-metal would also raise (no <see cref="FieldError.StricterRule"/>).
    /// Controllers act on these only: an existing object admitted with a ratcheting warning must not
    /// fail reconciliation for the same value.
    /// </summary>
    public static IReadOnlyList<FieldError> Blocking(this IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors.Where(e => e.StricterRule is null)];
    }

    /// <summary>
    /// Validation ratcheting for an UPDATE: a stricter-than-upstream error whose offending value is
    /// unchanged (the old object yields the same error at the same path with the same value) becomes a
    /// warning; everything else stays an error. <paramref name="oldErrors"/> is only called when a
    /// stricter error is present, so valid updates pay nothing extra.
    /// </summary>
    public static RatchetResult Ratchet(IReadOnlyList<FieldError> errors, Func<IReadOnlyList<FieldError>> oldErrors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(oldErrors);
        if (!errors.Any(e => e.StricterRule is not null))
        {
            return new RatchetResult(errors, []);
        }

        var existing = oldErrors().Where(e => e.StricterRule is not null).ToHashSet();
        var denied = new List<FieldError>();
        var warned = new List<FieldError>();
        foreach (var error in errors)
        {
            (error.StricterRule is not null && existing.Contains(error) ? warned : denied).Add(error);
        }

        return new RatchetResult(denied, warned);
    }

    /// <summary>The admission warning text for a ratcheted error: the field, the rule, why it passed.</summary>
    public static string Warning(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error + " (rule " + error.StricterRule + ", stricter than upstream; admitted because the existing value is unchanged)";
    }
}
