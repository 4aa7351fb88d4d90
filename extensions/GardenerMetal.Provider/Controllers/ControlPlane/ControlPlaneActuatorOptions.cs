namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>Timings and settings of the ControlPlane actuator.</summary>
public sealed record ControlPlaneActuatorOptions
{
    /// <summary>How often to look again while waiting (kube-apiserver scale-down, shoot MR deletion); upstream 2 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>metal-api <c>X-Date</c>/auth type for HMAC (null: the client's default).</summary>
    public string? HmacAuthType { get; init; }
}
