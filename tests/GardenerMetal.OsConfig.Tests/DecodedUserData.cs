using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>What a node ends up with: files (path → mode, bytes) and unit states. Parsed from either format, independently of the writers.</summary>
internal sealed record DecodedUserData(
    IReadOnlyDictionary<string, (int Mode, byte[] Content)> Files,
    IReadOnlyDictionary<string, bool?> Enabled,
    IReadOnlyList<string> Commands)
{
    /// <summary>Parses Ignition user data of spec <paramref name="version"/> (2.3.0: root filesystem, root-owned files).</summary>
    public static DecodedUserData FromIgnition(byte[] json, string version = "2.3.0")
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(version, root.GetProperty("ignition").GetProperty("version").GetString());
        var files = new Dictionary<string, (int, byte[])>(StringComparer.Ordinal);
        var enabled = new Dictionary<string, bool?>(StringComparer.Ordinal);
        if (root.TryGetProperty("storage", out var storage))
        {
            foreach (var f in storage.GetProperty("files").EnumerateArray())
            {
                Assert.True(f.GetProperty("overwrite").GetBoolean());
                if (version.StartsWith("2.", StringComparison.Ordinal))
                {
                    Assert.Equal("root", f.GetProperty("filesystem").GetString());
                    Assert.Equal(0, f.GetProperty("user").GetProperty("id").GetInt32());
                    Assert.Equal(0, f.GetProperty("group").GetProperty("id").GetInt32());
                }
                else
                {
                    Assert.False(f.TryGetProperty("filesystem", out _));
                }

                files.Add(f.GetProperty("path").GetString()!, (f.GetProperty("mode").GetInt32(), DecodeDataUrl(f.GetProperty("contents").GetProperty("source").GetString()!)));
            }
        }

        if (root.TryGetProperty("systemd", out var systemd))
        {
            foreach (var u in systemd.GetProperty("units").EnumerateArray())
            {
                var name = u.GetProperty("name").GetString()!;
                enabled.Add(name, u.TryGetProperty("enabled", out var e) ? e.GetBoolean() : null);
                if (u.TryGetProperty("contents", out var c))
                {
                    files.Add("/etc/systemd/system/" + name, (420, Encoding.UTF8.GetBytes(c.GetString()!)));
                }

                if (u.TryGetProperty("dropins", out var dropins))
                {
                    foreach (var d in dropins.EnumerateArray())
                    {
                        files.Add($"/etc/systemd/system/{name}.d/{d.GetProperty("name").GetString()}", (420, Encoding.UTF8.GetBytes(d.GetProperty("contents").GetString()!)));
                    }
                }
            }
        }

        return new DecodedUserData(files, enabled, []);
    }

    public static DecodedUserData FromCloudInit(byte[] yaml)
    {
        var text = Encoding.UTF8.GetString(yaml);
        Assert.StartsWith("#cloud-config\n", text, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var files = new Dictionary<string, (int, byte[])>(StringComparer.Ordinal);
        var enabled = new Dictionary<string, bool?>(StringComparer.Ordinal);
        var commands = new List<string>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new DecodedUserData(files, enabled, commands);
        }

        if (root.Children.TryGetValue(new YamlScalarNode("write_files"), out var wf))
        {
            foreach (var entry in ((YamlSequenceNode)wf).Children.Cast<YamlMappingNode>())
            {
                string Get(string key) => entry.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? string.Empty : string.Empty;
                var content = Get("content");
                var bytes = Get("encoding") == "b64" ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content);
                files.Add(Get("path"), (Convert.ToInt32(Get("permissions"), 8), bytes));
            }
        }

        if (root.Children.TryGetValue(new YamlScalarNode("runcmd"), out var rc))
        {
            foreach (var cmd in ((YamlSequenceNode)rc).Children.Cast<YamlSequenceNode>())
            {
                var parts = cmd.Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToArray();
                commands.Add(string.Join(' ', parts));
                if (parts is ["systemctl", "enable", var on])
                {
                    enabled[on] = true;
                }
                else if (parts is ["systemctl", "disable", var off])
                {
                    enabled[off] = false;
                }
            }
        }

        return new DecodedUserData(files, enabled, commands);
    }

    /// <summary>RFC 2397 decoding as Ignition does it: base64 or percent-decoding.</summary>
    public static byte[] DecodeDataUrl(string url)
    {
        Assert.StartsWith("data:", url, StringComparison.Ordinal);
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        var meta = url[5..comma];
        var data = url[(comma + 1)..];
        if (meta.EndsWith(";base64", StringComparison.Ordinal))
        {
            return Convert.FromBase64String(data);
        }

        var bytes = new List<byte>(data.Length);
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == '%')
            {
                bytes.Add(byte.Parse(data.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                Assert.True(data[i] < 0x80, "raw non-ASCII in a data URL");
                bytes.Add((byte)data[i]);
            }
        }

        return [.. bytes];
    }
}
