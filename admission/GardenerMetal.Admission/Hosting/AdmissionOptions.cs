using GardenerMetal.Provider.Defaulting;

namespace GardenerMetal.Admission.Hosting;

/// <summary>Settings of the admission webhook server.</summary>
public sealed record AdmissionOptions
{
    /// <summary>Address to listen on (default all IPv4 interfaces).</summary>
    public string BindAddress { get; init; } = "0.0.0.0";
    /// <summary>HTTPS port; 0 picks a free one.</summary>
    public int Port { get; init; } = 9443;
    /// <summary>PEM certificate (chain) file; reloaded when it changes.</summary>
    public required string CertFile { get; init; }
    /// <summary>PEM private key file; reloaded when it changes.</summary>
    public required string KeyFile { get; init; }
    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 3 * 1024 * 1024;
    /// <summary>How long a CloudProfile read from the garden API is reused.</summary>
    public TimeSpan CloudProfileCacheTtl { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How often the certificate files are checked for changes (at most).</summary>
    public TimeSpan CertificateCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// <c>--metrics-bind-address</c>: plain-HTTP <c>host:port</c> (or <c>:port</c>) serving only <c>/metrics</c> (OpenTelemetry's
    /// Prometheus exporter: ASP.NET Core's and Kestrel's request metrics, the garden client's <c>rest_client_*</c>); null disables it.
    /// </summary>
    public string? MetricsBindAddress { get; init; }
    /// <summary>Shoot defaults.</summary>
    public DefaultingOptions Defaults { get; init; } = new();
}
