using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>A decoded provider config, or the field errors that prevented decoding.</summary>
public sealed record DecodeResult<T>(T? Value, IReadOnlyList<FieldError> Errors)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}
