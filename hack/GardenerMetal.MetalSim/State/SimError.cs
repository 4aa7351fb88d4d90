namespace GardenerMetal.MetalSim.State;

/// <summary>A metal-api error answer (<c>httperrors.HTTPErrorResponse</c>) raised by the simulated store.</summary>
internal sealed class SimError : Exception
{
    public SimError()
    {
    }

    public SimError(string message)
        : base(message)
    {
    }

    public SimError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SimError(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; } = 500;

    public static SimError BadRequest(string message) => new(400, message);

    public static SimError NotFound(string message) => new(404, message);

    public static SimError Conflict(string message) => new(409, message);

    public static SimError Unprocessable(string message) => new(422, message);
}
