using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GardenerMetal.Kubernetes.Configuration;

/// <summary>Parses kubeconfig files (clusters, users, contexts, current-context) and merges them like kubectl.</summary>
internal static class Kubeconfig
{
    public static KubernetesClientConfiguration Load(IReadOnlyList<string> paths, string? context)
    {
        if (paths.Count == 0)
        {
            throw new KubernetesConfigurationException("No kubeconfig path given.");
        }

        var files = new List<KubeconfigFile>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            var full = Path.GetFullPath(path);
            string text;
            try
            {
                text = File.ReadAllText(full);
            }
            catch (IOException ex)
            {
                throw new KubernetesConfigurationException($"kubeconfig {full}: cannot be read: {ex.Message}", ex);
            }

            files.Add(KubeconfigFile.Parse(text, full, Path.GetDirectoryName(full)!));
        }

        if (files.Count == 0)
        {
            throw new KubernetesConfigurationException($"kubeconfig: none of the files exist: {string.Join(", ", paths)}.");
        }

        return Resolve(files, context);
    }

    public static KubernetesClientConfiguration Parse(string yaml, string source, string baseDirectory, string? context)
        => Resolve([KubeconfigFile.Parse(yaml, source, baseDirectory)], context);

    private static KubernetesClientConfiguration Resolve(List<KubeconfigFile> files, string? contextName)
    {
        var source = string.Join(", ", files.Select(f => f.Source));
        contextName ??= files.Select(f => f.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c));
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubernetesConfigurationException($"kubeconfig {source}: current-context is not set and no context was given.");
        }

        var ctx = files.Select(f => f.Find("contexts", "context", contextName)).FirstOrDefault(n => n is not null)
            ?? throw new KubernetesConfigurationException($"kubeconfig {source}: contexts[{contextName}] does not exist.");
        var clusterName = ctx.Str("cluster") ?? throw ctx.Missing("cluster");
        var userName = ctx.Str("user");
        var cluster = files.Select(f => f.Find("clusters", "cluster", clusterName)).FirstOrDefault(n => n is not null)
            ?? throw new KubernetesConfigurationException($"kubeconfig {source}: contexts[{contextName}].context.cluster refers to clusters[{clusterName}], which does not exist.");
        Section? user = null;
        if (!string.IsNullOrEmpty(userName))
        {
            user = files.Select(f => f.Find("users", "user", userName)).FirstOrDefault(n => n is not null)
                ?? throw new KubernetesConfigurationException($"kubeconfig {source}: contexts[{contextName}].context.user refers to users[{userName}], which does not exist.");
        }

        var serverText = cluster.Str("server") ?? throw cluster.Missing("server");
        if (!Uri.TryCreate(serverText, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubernetesConfigurationException($"{cluster.Path}.server '{serverText}' is not an absolute http(s) URL.");
        }

        var insecure = cluster.Bool("insecure-skip-tls-verify");
        var cas = ReadCertificates(cluster, "certificate-authority", "certificate-authority-data");
        if (insecure && cas is not null)
        {
            throw new KubernetesConfigurationException($"{cluster.Path}: insecure-skip-tls-verify and a certificate authority are mutually exclusive.");
        }

        X509Certificate2? clientCert = null;
        string? token = null;
        string? tokenFile = null;
        if (user is not null)
        {
            foreach (var unsupported in new[] { "exec", "auth-provider", "username", "password" })
            {
                if (user.Has(unsupported))
                {
                    throw new KubernetesConfigurationException($"{user.Path}.{unsupported} is not supported; use a token, tokenFile or client certificate.");
                }
            }

            clientCert = ReadClientCertificate(user);
            token = user.Str("token");
            tokenFile = user.Str("tokenFile") is { Length: > 0 } tf ? user.ResolvePath(tf) : null;
            if (tokenFile is not null && !File.Exists(tokenFile))
            {
                throw new KubernetesConfigurationException($"{user.Path}.tokenFile {tokenFile} does not exist.");
            }
        }

        return new KubernetesClientConfiguration
        {
            Server = server,
            CertificateAuthorities = cas,
            InsecureSkipTlsVerify = insecure,
            TlsServerName = cluster.Str("tls-server-name"),
            ClientCertificate = clientCert,
            Token = string.IsNullOrEmpty(token) ? null : token,
            TokenFile = tokenFile,
            Namespace = ctx.Str("namespace") is { Length: > 0 } ns ? ns : null,
        };
    }

    private static X509Certificate2Collection? ReadCertificates(Section section, string fileKey, string dataKey)
    {
        var pem = ReadPem(section, fileKey, dataKey);
        if (pem is null)
        {
            return null;
        }

        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new KubernetesConfigurationException($"{section.Path}.{dataKey}/{fileKey} is not a PEM certificate bundle.", ex);
        }

        return cas.Count == 0
            ? throw new KubernetesConfigurationException($"{section.Path}.{dataKey}/{fileKey} holds no PEM certificate.")
            : cas;
    }

    private static X509Certificate2? ReadClientCertificate(Section user)
    {
        var certPem = ReadPem(user, "client-certificate", "client-certificate-data");
        var keyPem = ReadPem(user, "client-key", "client-key-data");
        if (certPem is null && keyPem is null)
        {
            return null;
        }

        if (certPem is null || keyPem is null)
        {
            throw new KubernetesConfigurationException($"{user.Path}: client-certificate and client-key must be given together.");
        }

        try
        {
            return X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (CryptographicException ex)
        {
            throw new KubernetesConfigurationException($"{user.Path}: client-certificate/client-key is not a valid PEM certificate and matching private key.", ex);
        }
    }

    private static string? ReadPem(Section section, string fileKey, string dataKey)
    {
        var data = section.Str(dataKey);
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException ex)
            {
                throw new KubernetesConfigurationException($"{section.Path}.{dataKey} is not valid base64.", ex);
            }
        }

        var file = section.Str(fileKey);
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        var path = section.ResolvePath(file);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConfigurationException($"{section.Path}.{fileKey} {path} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>One named entry (the inner mapping of clusters[name].cluster etc.).</summary>
    private sealed class Section(YamlMappingNode? node, string path, string baseDirectory)
    {
        public string Path { get; } = path;

        public bool Has(string key) => node is not null && node.Children.ContainsKey(new YamlScalarNode(key));

        public string? Str(string key)
        {
            if (node is null || !node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return null;
            }

            return value is YamlScalarNode scalar
                ? scalar.Value
                : throw new KubernetesConfigurationException($"{Path}.{key} must be a string.");
        }

        public bool Bool(string key)
        {
            var text = Str(key);
            return text switch
            {
                null or "" or "false" or "False" => false,
                "true" or "True" => true,
                _ => throw new KubernetesConfigurationException($"{Path}.{key} '{text}' is not a boolean."),
            };
        }

        public string ResolvePath(string file) => System.IO.Path.IsPathRooted(file) ? file : System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, file));

        public KubernetesConfigurationException Missing(string key) => new($"{Path}.{key} is required.");
    }

    private sealed class KubeconfigFile
    {
        private readonly YamlMappingNode _root;
        private readonly string _baseDirectory;

        private KubeconfigFile(YamlMappingNode root, string source, string baseDirectory)
        {
            _root = root;
            Source = source;
            _baseDirectory = baseDirectory;
        }

        public string Source { get; }

        public string? CurrentContext => _root.Children.TryGetValue(new YamlScalarNode("current-context"), out var n) && n is YamlScalarNode s ? s.Value : null;

        public static KubeconfigFile Parse(string text, string source, string baseDirectory)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                throw new KubernetesConfigurationException($"kubeconfig {source}: invalid YAML at line {ex.Start.Line}: {ex.Message}", ex);
            }

            if (stream.Documents.Count == 0)
            {
                return new KubeconfigFile(new YamlMappingNode(), source, baseDirectory);
            }

            return stream.Documents[0].RootNode is YamlMappingNode root
                ? new KubeconfigFile(root, source, baseDirectory)
                : throw new KubernetesConfigurationException($"kubeconfig {source}: the document must be a mapping.");
        }

        public Section? Find(string listKey, string innerKey, string name)
        {
            if (!_root.Children.TryGetValue(new YamlScalarNode(listKey), out var listNode) || listNode is not YamlSequenceNode list)
            {
                return null;
            }

            foreach (var item in list)
            {
                if (item is YamlMappingNode entry
                    && entry.Children.TryGetValue(new YamlScalarNode("name"), out var n)
                    && n is YamlScalarNode { Value: var value }
                    && value == name)
                {
                    var path = $"kubeconfig {Source}: {listKey}[{name}].{innerKey}";
                    if (!entry.Children.TryGetValue(new YamlScalarNode(innerKey), out var inner))
                    {
                        throw new KubernetesConfigurationException($"{path} is missing.");
                    }

                    return inner is YamlMappingNode mapping
                        ? new Section(mapping, path, _baseDirectory)
                        : throw new KubernetesConfigurationException($"{path} must be a mapping.");
                }

            }

            return null;
        }
    }
}
