namespace GardenerMetal.Provider.Validation;

/// <summary>The outcome of <see cref="FieldErrors.Ratchet"/>.</summary>
/// <param name="Denied">Errors that reject the request.</param>
/// <param name="Warned">Stricter-than-upstream errors on unchanged values: admitted with a warning.</param>
public sealed record RatchetResult(IReadOnlyList<FieldError> Denied, IReadOnlyList<FieldError> Warned);
