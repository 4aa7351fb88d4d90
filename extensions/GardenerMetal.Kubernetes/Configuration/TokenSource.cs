namespace GardenerMetal.Kubernetes.Configuration;

/// <summary>Supplies the bearer token: a static one, or a file re-read at most once a minute (rotation).</summary>
internal sealed class TokenSource
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);
    private readonly string? _static;
    private readonly string? _file;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private string? _cached;
    private DateTimeOffset _readAt;

    public TokenSource(string? token, string? tokenFile, TimeProvider time)
    {
        _static = token;
        _file = tokenFile;
        _time = time;
    }

    public string? GetToken()
    {
        if (_static is not null)
        {
            return _static;
        }

        if (_file is null)
        {
            return null;
        }

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_cached is null || now - _readAt >= RefreshInterval)
            {
                try
                {
                    _cached = File.ReadAllText(_file).Trim();
                    _readAt = now;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    if (_cached is null)
                    {
                        throw new KubernetesConfigurationException($"Token file {_file} cannot be read: {ex.Message}", ex);
                    }
                }
            }

            return _cached;
        }
    }
}
