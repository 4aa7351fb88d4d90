using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GardenerMetal.LocalUp;

/// <summary>
/// What `make up` checks before it touches anything in its state directory (issue 20): one instance at a time
/// (<c>local-up.lock</c>, an exclusive lock the OS drops when the process dies; the holder's pid in <c>local-up.lock.pid</c>), its ports free, and the previous
/// log rotated instead of truncated, so a restart after a crash keeps the evidence. Secrets are written 0600.
/// </summary>
public static class LocalUpFiles
{
    /// <summary>The lock file name in the state directory.</summary>
    public const string LockFileName = "local-up.lock";

    /// <summary>How many rotated logs are kept (<c>local-up.log.1</c> newest … <c>.5</c> oldest).</summary>
    public const int KeptLogs = 5;

    /// <summary>Owner read/write only.</summary>
    public const UnixFileMode SecretMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Takes the state directory's lock; hold the returned stream until the end. Throws <see cref="LocalUpException"/>
    /// naming the holder's pid when another `make up` runs on the same directory.
    /// </summary>
    public static FileStream AcquireLock(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, LockFileName);
        FileStream stream;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix; the kernel releases it when the process dies.
            stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None });
        }
        catch (IOException)
        {
            var holder = ReadHolder(path);
            throw new LocalUpException($"another `make up` is running on {stateDirectory}{(holder is null ? "" : $" (pid {holder})")}; stop it first, or use another directory");
        }

        // The lock file itself cannot be read while it is locked: the holder's pid goes beside it.
        File.WriteAllText(path + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        return stream;
    }

    /// <summary>Throws <see cref="LocalUpException"/> naming <paramref name="variable"/> when the loopback port is taken (0 = any port, not checked).</summary>
    public static void RequireFreePort(int port, string what, string variable)
    {
        if (port == 0)
        {
            return;
        }

        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException)
        {
            throw new LocalUpException($"the {what} port {port} is taken (by another program); nothing was changed — free it or set {variable}=<port>");
        }
    }

    /// <summary>Moves <paramref name="path"/> to <c>path.1</c>, shifting older copies up to <see cref="KeptLogs"/>.</summary>
    public static void RotateLog(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        File.Delete($"{path}.{KeptLogs}");
        for (var i = KeptLogs - 1; i >= 1; i--)
        {
            if (File.Exists($"{path}.{i}"))
            {
                File.Move($"{path}.{i}", $"{path}.{i + 1}");
            }
        }

        File.Move(path, path + ".1");
    }

    /// <summary>Creates a new file readable and writable by its owner only (0600 from the start, never wider).</summary>
    public static FileStream CreateSecretFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SecretMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>Restricts an existing file to its owner (kubeconfigs and key files).</summary>
    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, SecretMode);
        }
    }

    private static string? ReadHolder(string path)
    {
        try
        {
            var pid = File.ReadAllText(path + ".pid").Trim();
            return pid.Length == 0 ? null : pid;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
