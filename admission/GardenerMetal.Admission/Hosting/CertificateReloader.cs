using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Admission.Hosting;

/// <summary>
/// Serves the certificate from the PEM files and reloads it when either file's modification time
/// or size changes (checked at most once per interval, on the TLS handshake path). A broken
/// rewrite keeps the previous certificate until the files are valid again.
/// </summary>
internal sealed partial class CertificateReloader
{
    private readonly string _certFile;
    private readonly string _keyFile;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private X509Certificate2 _current;
    private (DateTime, long, DateTime, long) _stamp;
    private long _lastCheck;

    public CertificateReloader(string certFile, string keyFile, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _certFile = certFile;
        _keyFile = keyFile;
        _interval = interval;
        _time = time;
        _logger = logger;
        _stamp = Stamp();
        _current = Load(certFile, keyFile);
        _lastCheck = time.GetTimestamp();
    }

    /// <summary>The certificate to present now.</summary>
    public X509Certificate2 Current
    {
        get
        {
            var now = _time.GetTimestamp();
            if (_time.GetElapsedTime(Volatile.Read(ref _lastCheck), now) < _interval)
            {
                return Volatile.Read(ref _current);
            }

            lock (_gate)
            {
                Volatile.Write(ref _lastCheck, now);
                var stamp = Stamp();
                if (stamp != _stamp)
                {
                    try
                    {
                        var loaded = Load(_certFile, _keyFile);
                        _stamp = stamp;
                        Volatile.Write(ref _current, loaded);
                        LogReloaded(_logger, loaded.Subject, loaded.NotAfter);
                    }
                    catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException or ArgumentException or UnauthorizedAccessException)
                    {
                        LogReloadFailed(_logger, ex.GetType().Name);
                    }
                }
            }

            return Volatile.Read(ref _current);
        }
    }

    /// <summary>Loads a PEM certificate and key; errors name the files.</summary>
    public static X509Certificate2 Load(string certFile, string keyFile)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            // Export/import so that SslStream gets a certificate with a usable private key on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException or ArgumentException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException("Cannot load the TLS certificate from --tls-cert-file " + certFile + " and --tls-key-file " + keyFile + ": " + ex.GetType().Name, ex);
        }
    }

    private (DateTime, long, DateTime, long) Stamp()
    {
        var cert = new FileInfo(_certFile);
        var key = new FileInfo(_keyFile);
        return (cert.Exists ? cert.LastWriteTimeUtc : default, cert.Exists ? cert.Length : -1, key.Exists ? key.LastWriteTimeUtc : default, key.Exists ? key.Length : -1);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Reloaded the TLS certificate {Subject}, valid until {NotAfter}")]
    private static partial void LogReloaded(ILogger logger, string subject, DateTime notAfter);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The TLS certificate files changed but cannot be loaded ({Error}); keeping the previous certificate")]
    private static partial void LogReloadFailed(ILogger logger, string error);
}
