using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>Reads and validates spec.providerConfig (see <see cref="OsMetalProviderConfig"/>). Unknown fields are ignored, as upstream's decoder does.</summary>
internal static partial class ProviderConfigReader
{
    public const string ApiVersion = "metal.provider.extensions.gardener.cloud/v1alpha1";
    public const string Kind = "ImageProviderConfig";
    private const string Root = "spec.providerConfig";
    private static readonly System.Buffers.SearchValues<char> UnsafeInToml = System.Buffers.SearchValues.Create("\"\\ \t\r\n");

    public static OsMetalProviderConfig Read(JsonElement? providerConfig)
    {
        if (providerConfig is not { } pc || pc.ValueKind == JsonValueKind.Null)
        {
            return OsMetalProviderConfig.None;
        }

        if (pc.ValueKind != JsonValueKind.Object)
        {
            throw new OsConfigurationException(Root, "must be an object");
        }

        var apiVersion = OptionalString(pc, "apiVersion", Root);
        if (apiVersion is not null && apiVersion != ApiVersion)
        {
            throw new OsConfigurationException(Root + ".apiVersion", $"unsupported apiVersion, expected \"{ApiVersion}\"");
        }

        var kind = OptionalString(pc, "kind", Root);
        if (kind is not null && kind != Kind)
        {
            throw new OsConfigurationException(Root + ".kind", $"unsupported kind, expected \"{Kind}\"");
        }

        UserDataFormat? format = null;
        var formatName = OptionalString(pc, "format", Root);
        if (formatName is not null)
        {
            if (!UserDataFormats.TryParse(formatName, out format))
            {
                throw new OsConfigurationException(Root + ".format", $"unsupported value \"{formatName}\", supported are \"{UserDataFormats.IgnitionName}\" and \"{UserDataFormats.CloudInitName}\"");
            }
        }

        NetworkIsolation? isolation = null;
        if (pc.TryGetProperty("networkIsolation", out var ni) && ni.ValueKind != JsonValueKind.Null)
        {
            isolation = ReadIsolation(ni, Root + ".networkIsolation");
        }

        return new OsMetalProviderConfig(format, isolation);
    }

    private static NetworkIsolation ReadIsolation(JsonElement ni, string path)
    {
        if (ni.ValueKind != JsonValueKind.Object)
        {
            throw new OsConfigurationException(path, "must be an object");
        }

        var dns = StringList(ni, "dnsServers", path);
        for (var i = 0; i < dns.Count; i++)
        {
            if (!IPAddress.TryParse(dns[i], out _))
            {
                throw new OsConfigurationException($"{path}.dnsServers[{i}]", "must be an IP address");
            }
        }

        var ntp = StringList(ni, "ntpServers", path);
        for (var i = 0; i < ntp.Count; i++)
        {
            if (!IPAddress.TryParse(ntp[i], out _) && !HostName().IsMatch(ntp[i]))
            {
                throw new OsConfigurationException($"{path}.ntpServers[{i}]", "must be an IP address or a host name");
            }
        }

        var mirrors = new List<RegistryMirror>();
        if (ni.TryGetProperty("registryMirrors", out var rm) && rm.ValueKind != JsonValueKind.Null)
        {
            if (rm.ValueKind != JsonValueKind.Array)
            {
                throw new OsConfigurationException(path + ".registryMirrors", "must be a list");
            }

            var i = 0;
            foreach (var m in rm.EnumerateArray())
            {
                var mp = $"{path}.registryMirrors[{i++}]";
                if (m.ValueKind != JsonValueKind.Object)
                {
                    throw new OsConfigurationException(mp, "must be an object");
                }

                var endpoint = OptionalString(m, "endpoint", mp);
                if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                    || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                    || endpoint.AsSpan().IndexOfAny(UnsafeInToml) >= 0)
                {
                    throw new OsConfigurationException(mp + ".endpoint", "must be an http or https URL");
                }

                var of = StringList(m, "mirrorOf", mp);
                if (of.Count == 0)
                {
                    throw new OsConfigurationException(mp + ".mirrorOf", "must name at least one registry");
                }

                for (var j = 0; j < of.Count; j++)
                {
                    if (!RegistryHost().IsMatch(of[j]))
                    {
                        throw new OsConfigurationException($"{mp}.mirrorOf[{j}]", "must be a registry host name, optionally with :port");
                    }
                }

                mirrors.Add(new RegistryMirror(endpoint, of));
            }
        }

        return new NetworkIsolation(dns, ntp, mirrors);
    }

    private static string? OptionalString(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : throw new OsConfigurationException($"{path}.{name}", "must be a string");
    }

    private static List<string> StringList(JsonElement obj, string name, string path)
    {
        var list = new List<string>();
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new OsConfigurationException($"{path}.{name}", "must be a list of strings");
        }

        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new OsConfigurationException($"{path}.{name}[{i}]", "must be a string");
            }

            list.Add(item.GetString()!);
            i++;
        }

        return list;
    }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex HostName();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$")]
    private static partial Regex RegistryHost();
}
