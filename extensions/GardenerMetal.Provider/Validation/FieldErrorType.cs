namespace GardenerMetal.Provider.Validation;

/// <summary>The kinds of field errors (as Kubernetes' field.ErrorType).</summary>
public enum FieldErrorType
{
    Required,
    Invalid,
    NotSupported,
    Duplicate,
    Forbidden,
}
