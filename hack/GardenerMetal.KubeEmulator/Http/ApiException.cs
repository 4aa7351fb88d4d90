using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Http;

/// <summary>An error the API answers with a Status object, like kube-apiserver does.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, IReadOnlyList<StatusCause>? causes = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Causes = causes ?? [];
    }

    public ApiException()
        : this(500, "InternalError", "internal error")
    {
    }

    public ApiException(string message)
        : this(500, "InternalError", message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
        Causes = [];
    }

    public int Code { get; }

    public string Reason { get; }

    public IReadOnlyList<StatusCause> Causes { get; }

    public string? DetailsName { get; init; }

    public string? DetailsGroup { get; init; }

    public string? DetailsKind { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>Status details taken verbatim from elsewhere (an admission webhook's result); replaces the Details*/Causes fields.</summary>
    public JsonObject? PassThroughDetails { get; init; }

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        var details = new JsonObject();
        if (DetailsName is not null)
        {
            details["name"] = DetailsName;
        }

        if (DetailsGroup is not null)
        {
            details["group"] = DetailsGroup;
        }

        if (DetailsKind is not null)
        {
            details["kind"] = DetailsKind;
        }

        if (Causes.Count > 0)
        {
            var causes = new JsonArray();
            foreach (var c in Causes)
            {
                causes.Add(new JsonObject { ["reason"] = c.Reason, ["message"] = c.Message, ["field"] = c.Field });
            }

            details["causes"] = causes;
        }

        if (RetryAfterSeconds is { } retry)
        {
            details["retryAfterSeconds"] = retry;
        }

        if (PassThroughDetails is not null)
        {
            status["details"] = PassThroughDetails.DeepClone();
        }
        else if (details.Count > 0)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException NotFound(string groupResource, string name, string group) =>
        new(404, "NotFound", $"{groupResource} \"{name}\" not found")
        {
            DetailsName = name,
            DetailsGroup = group,
            DetailsKind = groupResource.Split('.')[0],
        };

    public static ApiException AlreadyExists(string groupResource, string name, string group) =>
        new(409, "AlreadyExists", $"{groupResource} \"{name}\" already exists")
        {
            DetailsName = name,
            DetailsGroup = group,
            DetailsKind = groupResource.Split('.')[0],
        };

    public static ApiException Conflict(string groupResource, string name, string group, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {groupResource} \"{name}\": {why}")
        {
            DetailsName = name,
            DetailsGroup = group,
            DetailsKind = groupResource.Split('.')[0],
        };

    public static ApiException Invalid(string kind, string group, string name, IReadOnlyList<StatusCause> causes)
    {
        var qualified = group.Length == 0 ? kind : $"{kind}.{group}";
        var parts = causes.Select(c => c.Field.Length == 0 ? c.Message : $"{c.Field}: {c.Message}").ToList();
        var joined = parts.Count == 1 ? parts[0] : "[" + string.Join(", ", parts) + "]";
        return new ApiException(422, "Invalid", $"{qualified} \"{name}\" is invalid: {joined}", causes)
        {
            DetailsName = name,
            DetailsGroup = group,
            DetailsKind = kind,
        };
    }

    public static ApiException Gone(string message) => new(410, "Expired", message);

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);
}
