namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>httperrors.HTTPErrorResponse</c>.</summary>
[MetalApiDefinition("httperrors.HTTPErrorResponse")]
public sealed record HttpErrorResponse
{
    /// <summary>Error message</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    /// <summary>Http status code</summary>
    [JsonPropertyName("statuscode")]
    public int StatusCode { get; init; }
}
