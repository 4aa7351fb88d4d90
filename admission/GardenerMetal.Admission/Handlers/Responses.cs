using System.Globalization;
using GardenerMetal.Admission.Review;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Admission.Handlers;

/// <summary>Builds AdmissionResponses.</summary>
internal static class Responses
{
    public static AdmissionResponse Allowed(string uid, params string[] warnings) =>
        new() { Uid = uid, Allowed = true, Warnings = warnings.Length == 0 ? null : warnings };

    /// <summary>Denied with every field error: status.message lists all paths, status.details.causes one per error.</summary>
    public static AdmissionResponse Invalid(string uid, GroupVersionKind? kind, string? name, IReadOnlyList<FieldError> errors, IReadOnlyList<string>? warnings = null)
    {
        var rendered = errors.Select(e => e.ToString()).ToList();
        var list = rendered.Count == 1 ? rendered[0] : "[" + string.Join(", ", rendered) + "]";
        var qualifiedKind = string.IsNullOrEmpty(kind?.Group) ? kind?.Kind : kind.Kind + "." + kind.Group;
        return new AdmissionResponse
        {
            Uid = uid,
            Allowed = false,
            Warnings = warnings is { Count: > 0 } ? warnings : null,
            Status = new ResponseStatus
            {
                Code = 422,
                Reason = "Invalid",
                Message = string.Format(CultureInfo.InvariantCulture, "{0} \"{1}\" is invalid: {2}", qualifiedKind, name, list),
                Details = new StatusDetails
                {
                    Name = name,
                    Group = kind?.Group,
                    Kind = kind?.Kind,
                    Causes = [.. errors.Select(e => new StatusCause { Reason = e.Reason, Message = e.Message, Field = e.Path })],
                },
            },
        };
    }

    public static AdmissionResponse Failed(string uid, int code, string reason, string message) =>
        new() { Uid = uid, Allowed = false, Status = new ResponseStatus { Code = code, Reason = reason, Message = message } };
}
