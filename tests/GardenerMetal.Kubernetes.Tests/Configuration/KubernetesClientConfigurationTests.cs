using System.Text;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Tests.Fakes;

namespace GardenerMetal.Kubernetes.Tests.Configuration;

public sealed class KubernetesClientConfigurationTests
{
    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static string Kubeconfig(string clusterBody, string userBody, string current = "ctx", string extraContexts = "") => $"""
        apiVersion: v1
        kind: Config
        current-context: {current}
        clusters:
        - name: c1
          cluster:
        {clusterBody}
        users:
        - name: u1
          user:
        {userBody}
        contexts:
        - name: ctx
          context:
            cluster: c1
            user: u1
            namespace: garden
        {extraContexts}
        """;

    [Fact]
    public void FromKubeconfigYaml_TokenAndCaData_ResolvesCurrentContext()
    {
        using var ca = TestCertificates.CreateCa();
        var yaml = Kubeconfig(
            $"    server: https://127.0.0.1:6443\n    certificate-authority-data: {B64(TestCertificates.Pem(ca))}",
            "    token: s3cr3t-token");

        var config = KubernetesClientConfiguration.FromKubeconfigYaml(yaml);

        Assert.Equal(new Uri("https://127.0.0.1:6443"), config.Server);
        Assert.Equal("s3cr3t-token", config.Token);
        Assert.Equal("garden", config.Namespace);
        Assert.Equal(ca.Thumbprint, Assert.Single(config.CertificateAuthorities!).Thumbprint);
        Assert.False(config.InsecureSkipTlsVerify);
    }

    [Fact]
    public void FromKubeconfigFile_RelativeCaFileAndTokenFile_AreResolvedAgainstTheKubeconfigDirectory()
    {
        using var dir = new TempDirectory();
        using var ca = TestCertificates.CreateCa();
        dir.Write("pki/ca.crt", TestCertificates.Pem(ca));
        var tokenPath = dir.Write("pki/token", "file-token\n");
        var path = dir.Write("kubeconfig", Kubeconfig("    server: https://k.example:443\n    certificate-authority: pki/ca.crt", "    tokenFile: pki/token"));

        var config = KubernetesClientConfiguration.FromKubeconfigFile(path);

        Assert.Equal(tokenPath, config.TokenFile);
        Assert.Null(config.Token);
        Assert.Single(config.CertificateAuthorities!);
    }

    [Fact]
    public void FromKubeconfigYaml_ClientCertificateData_LoadsCertificateWithKey()
    {
        using var ca = TestCertificates.CreateCa();
        using var leaf = TestCertificates.CreateLeaf(ca, "admin", client: true);
        var yaml = Kubeconfig(
            "    server: https://127.0.0.1:6443\n    insecure-skip-tls-verify: true",
            $"    client-certificate-data: {B64(TestCertificates.Pem(leaf))}\n    client-key-data: {B64(TestCertificates.KeyPem(leaf))}");

        var config = KubernetesClientConfiguration.FromKubeconfigYaml(yaml);

        Assert.True(config.InsecureSkipTlsVerify);
        Assert.NotNull(config.ClientCertificate);
        Assert.True(config.ClientCertificate!.HasPrivateKey);
        Assert.Equal(leaf.Thumbprint, config.ClientCertificate.Thumbprint);
    }

    [Fact]
    public void FromKubeconfigYaml_ExplicitContext_OverridesCurrentContext()
    {
        var yaml = Kubeconfig("    server: https://a:1", "    token: t", extraContexts: "- name: other\n  context:\n    cluster: c1\n    namespace: other-ns");

        var config = KubernetesClientConfiguration.FromKubeconfigYaml(yaml, context: "other");

        Assert.Equal("other-ns", config.Namespace);
        Assert.Null(config.Token);
    }

    public static TheoryData<string, string> InvalidKubeconfigs => new()
    {
        { "current-context: missing\ncontexts: []\n", "contexts[missing] does not exist" },
        { "current-context: x\ncontexts:\n- name: x\n  context:\n    cluster: nope\n", "clusters[nope], which does not exist" },
        { "contexts: []\n", "current-context is not set" },
        { "current-context: x\ncontexts:\n- name: x\n  context:\n    cluster: c\nclusters:\n- name: c\n  cluster:\n    server: not a url\n", "clusters[c].cluster.server 'not a url' is not an absolute http(s) URL" },
        { "current-context: x\ncontexts:\n- name: x\n  context:\n    cluster: c\n    user: u\nclusters:\n- name: c\n  cluster:\n    server: https://a\nusers:\n- name: u\n  user:\n    exec:\n      command: foo\n", "users[u].user.exec is not supported" },
        { "current-context: x\ncontexts:\n- name: x\n  context:\n    cluster: c\nclusters:\n- name: c\n  cluster:\n    server: https://a\n    certificate-authority-data: '!!notbase64'\n", "clusters[c].cluster.certificate-authority-data is not valid base64" },
        { "current-context: x\ncontexts:\n- name: x\n  context:\n    cluster: c\n    user: u\nclusters:\n- name: c\n  cluster:\n    server: https://a\nusers:\n- name: u\n  user:\n    client-certificate-data: eA==\n", "client-certificate and client-key must be given together" },
        { "current-context: x\ncontexts:\n- name: x\n  context:\n    cluster: c\nclusters:\n- name: c\n  cluster:\n    server: https://a\n    insecure-skip-tls-verify: maybe\n", "insecure-skip-tls-verify 'maybe' is not a boolean" },
        { "a: [b", "invalid YAML" },
    };

    [Theory]
    [MemberData(nameof(InvalidKubeconfigs))]
    public void FromKubeconfigYaml_InvalidInput_ThrowsNamingTheField(string yaml, string expected)
    {
        var ex = Assert.Throws<KubernetesConfigurationException>(() => KubernetesClientConfiguration.FromKubeconfigYaml(yaml));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromKubeconfigFiles_SeveralFiles_FirstDefinitionWins()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("a", "current-context: ctx\nclusters:\n- name: c1\n  cluster:\n    server: https://first:1\n");
        var second = dir.Write("b", "current-context: other\nclusters:\n- name: c1\n  cluster:\n    server: https://second:1\ncontexts:\n- name: ctx\n  context:\n    cluster: c1\n");

        var config = KubernetesClientConfiguration.FromKubeconfigFiles([first, Path.Combine(dir.Path, "missing"), second]);

        Assert.Equal("first", config.Server.Host);
    }

    [Fact]
    public void LoadDefault_KubeconfigVariable_WinsOverHomeAndInCluster()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("kc", Kubeconfig("    server: https://from-env:1", "    token: t"));
        dir.Write("home/.kube/config", Kubeconfig("    server: https://from-home:1", "    token: t"));
        var env = new ConfigurationEnvironment
        {
            GetEnvironmentVariable = n => n == "KUBECONFIG" ? path : null,
            HomeDirectory = Path.Combine(dir.Path, "home"),
        };

        Assert.Equal("from-env", KubernetesClientConfiguration.LoadDefault(env).Server.Host);
        Assert.Equal("from-home", KubernetesClientConfiguration.LoadDefault(env with { GetEnvironmentVariable = _ => null }).Server.Host);
    }

    [Fact]
    public void InCluster_ServiceAccountFiles_BuildsConfiguration()
    {
        using var dir = new TempDirectory();
        using var ca = TestCertificates.CreateCa();
        dir.Write("sa/token", "sa-token");
        dir.Write("sa/ca.crt", TestCertificates.Pem(ca));
        dir.Write("sa/namespace", "garden-metal\n");
        var env = new ConfigurationEnvironment
        {
            ServiceAccountDirectory = Path.Combine(dir.Path, "sa"),
            HomeDirectory = Path.Combine(dir.Path, "nohome"),
            GetEnvironmentVariable = n => n switch
            {
                "KUBERNETES_SERVICE_HOST" => "10.0.0.1",
                "KUBERNETES_SERVICE_PORT" => "443",
                _ => null,
            },
        };

        var config = KubernetesClientConfiguration.LoadDefault(env);

        Assert.True(KubernetesClientConfiguration.IsInCluster(env));
        Assert.Equal(new Uri("https://10.0.0.1:443"), config.Server);
        Assert.Equal(Path.Combine(dir.Path, "sa", "token"), config.TokenFile);
        Assert.Equal("garden-metal", config.Namespace);
        Assert.Single(config.CertificateAuthorities!);
    }

    [Fact]
    public void InCluster_MissingPortVariable_ThrowsNamingIt()
    {
        using var dir = new TempDirectory();
        var env = new ConfigurationEnvironment
        {
            ServiceAccountDirectory = dir.Path,
            GetEnvironmentVariable = n => n == "KUBERNETES_SERVICE_HOST" ? "10.0.0.1" : null,
        };

        var ex = Assert.Throws<KubernetesConfigurationException>(() => KubernetesClientConfiguration.InCluster(env));

        Assert.Contains("KUBERNETES_SERVICE_PORT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefault_NothingAvailable_ThrowsExplainingWhereItLooked()
    {
        using var dir = new TempDirectory();
        var env = new ConfigurationEnvironment { GetEnvironmentVariable = _ => null, HomeDirectory = dir.Path, ServiceAccountDirectory = dir.Path };

        var ex = Assert.Throws<KubernetesConfigurationException>(() => KubernetesClientConfiguration.LoadDefault(env));

        Assert.Contains("KUBECONFIG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithToken_NeverShowsTheToken()
    {
        var config = new KubernetesClientConfiguration { Server = new Uri("https://a:1"), Token = "very-secret-token" };

        Assert.DoesNotContain("very-secret-token", config.ToString(), StringComparison.Ordinal);
        Assert.Contains("token=<set>", config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TlsValidation_CustomCa_AcceptsOnlyCertificatesChainingToIt()
    {
        using var ca = TestCertificates.CreateCa();
        using var otherCa = TestCertificates.CreateCa("other");
        using var leaf = TestCertificates.CreateLeaf(ca);
        var trusted = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection { ca };
        var untrusted = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection { otherCa };

        Assert.True(TlsValidation.Validate(leaf, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors, trusted));
        Assert.False(TlsValidation.Validate(leaf, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors, untrusted));
        Assert.False(TlsValidation.Validate(leaf, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch, trusted));
        Assert.False(TlsValidation.Validate(null, System.Net.Security.SslPolicyErrors.None, trusted));
    }
}
