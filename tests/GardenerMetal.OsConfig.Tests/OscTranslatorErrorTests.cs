using System.Text;
using System.Text.Json;
using GardenerMetal.OsConfig.Model;
using GardenerMetal.OsConfig.Serialization;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Tests;

public sealed class OscTranslatorErrorTests
{
    private const string SecretValue = "s3cr3t-value-never-in-messages";

    private static readonly OperatingSystemConfigSpec Valid = new()
    {
        Type = "metal",
        Purpose = "provision",
        Units =
        [
            new Unit { Name = "a.service", Enable = true, Command = "start", Content = "[Service]\nExecStart=/bin/true\n", DropIns = [new DropIn { Name = "10-a.conf", Content = "[Service]\nX=1\n" }], FilePaths = ["/etc/a"] },
        ],
        Files =
        [
            new OscFile { Path = "/etc/a", Content = new FileContent { Inline = new FileContentInline { Encoding = "", Data = "a" } } },
            new OscFile { Path = "/etc/b", Content = new FileContent { Inline = new FileContentInline { Encoding = "b64", Data = "Yg==" } } },
            new OscFile { Path = "/etc/c", Content = new FileContent { SecretRef = new FileContentSecretRef { Name = "s", DataKey = "k" } } },
        ],
    };

    private static readonly DictionarySecretSource Secrets = new(new Dictionary<string, IReadOnlyDictionary<string, byte[]>>
    {
        ["s"] = new Dictionary<string, byte[]> { ["k"] = Encoding.UTF8.GetBytes(SecretValue) },
    });

    public static TheoryData<string, string> Cases => new()
    {
        { "unknown-encoding", "spec.files[1].content.inline.encoding" },
        { "bad-base64", "spec.files[1].content.inline.data" },
        { "missing-secret", "spec.files[2].content.secretRef.name" },
        { "missing-key", "spec.files[2].content.secretRef.dataKey" },
        { "duplicate-path", "spec.files[1].path" },
        { "relative-path", "spec.files[0].path" },
        { "dotdot-path", "spec.files[0].path" },
        { "file-below-file", "spec.files[1].path" },
        { "unit-file-conflict", "spec.files[0].path" },
        { "image-ref", "spec.files[0].content.imageRef" },
        { "no-content-source", "spec.files[0].content" },
        { "two-content-sources", "spec.files[0].content" },
        { "bad-permissions", "spec.files[0].permissions" },
        { "host-name", "spec.files[0].hostName" },
        { "invalid-unit-name", "spec.units[0].name" },
        { "unit-name-no-suffix", "spec.units[0].name" },
        { "duplicate-unit", "spec.units[1].name" },
        { "unknown-command", "spec.units[0].command" },
        { "bad-unit-content", "spec.units[0].content" },
        { "bad-dropin-name", "spec.units[0].dropIns[0].name" },
        { "bad-dropin-content", "spec.units[0].dropIns[0].content" },
        { "missing-file-path", "spec.units[0].filePaths[0]" },
        { "ignition-stop-enabled", "spec.units[0].command" },
        { "unknown-type", "spec.type" },
        { "unknown-purpose", "spec.purpose" },
        { "bad-format", "spec.providerConfig.format" },
        { "bad-kind", "spec.providerConfig.kind" },
        { "bad-mirror-endpoint", "spec.providerConfig.networkIsolation.registryMirrors[0].endpoint" },
        { "bad-mirror-of", "spec.providerConfig.networkIsolation.registryMirrors[0].mirrorOf[0]" },
        { "bad-dns", "spec.providerConfig.networkIsolation.dnsServers[1]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translate_InvalidSpec_ThrowsConfigurationProblemWithFieldPath(string mutation, string expectedPath)
    {
        // Arrange
        var spec = Mutate(mutation);

        // Act
        var error = Assert.Throws<OsConfigurationException>(() => new OscTranslator().Translate(spec, Secrets));

        // Assert
        Assert.Equal(expectedPath, error.FieldPath);
        Assert.Equal(["ERR_CONFIGURATION_PROBLEM"], error.Codes);
        Assert.StartsWith(expectedPath + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ValidBaseSpec_Succeeds()
    {
        // Act
        var result = new OscTranslator().Translate(Valid, Secrets);

        // Assert: the base of every error case is itself valid, so each case fails for its mutation only.
        Assert.NotNull(result.UserData);
        Assert.Contains(SecretValue, Encoding.UTF8.GetString(DecodedUserData.FromIgnition(result.UserData!).Files["/etc/c"].Content), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadYaml_PermissionsNotANumber_ThrowsWithFieldPath()
    {
        // Arrange
        const string yaml = "kind: OperatingSystemConfig\nspec:\n  type: metal\n  purpose: provision\n  files:\n  - path: /a\n    permissions: abc\n";

        // Act
        var error = Assert.Throws<OsConfigurationException>(() => OscDocumentReader.Read(yaml));

        // Assert
        Assert.Equal("spec.files[0].permissions", error.FieldPath);
    }

    [Fact]
    public void ReadYaml_OctalPermissions_ParsedAsKubernetesToolingDoes()
    {
        // Arrange
        const string yaml = "kind: OperatingSystemConfig\nspec:\n  type: metal\n  purpose: provision\n  files:\n  - path: /a\n    permissions: 0755\n  - path: /b\n    permissions: 420\n";

        // Act
        var osc = OscDocumentReader.Read(yaml).Config;

        // Assert
        Assert.Equal(493, osc.Spec!.Files![0].Permissions);
        Assert.Equal(420, osc.Spec.Files[1].Permissions);
    }

    private static OperatingSystemConfigSpec Mutate(string mutation)
    {
        var files = Valid.Files!.ToList();
        var units = Valid.Units!.ToList();
        var spec = Valid;
        OscFile File(int i) => files[i];
        switch (mutation)
        {
            case "unknown-encoding": files[1] = File(1) with { Content = new FileContent { Inline = new FileContentInline { Encoding = "gzip", Data = "x" } } }; break;
            case "bad-base64": files[1] = File(1) with { Content = new FileContent { Inline = new FileContentInline { Encoding = "b64", Data = "not base64!" } } }; break;
            case "missing-secret": files[2] = File(2) with { Content = new FileContent { SecretRef = new FileContentSecretRef { Name = "nope", DataKey = "k" } } }; break;
            case "missing-key": files[2] = File(2) with { Content = new FileContent { SecretRef = new FileContentSecretRef { Name = "s", DataKey = "nope" } } }; break;
            case "duplicate-path": files[1] = File(1) with { Path = "/etc/a" }; break;
            case "relative-path": files[0] = File(0) with { Path = "etc/a" }; units[0] = units[0] with { FilePaths = null }; break;
            case "dotdot-path": files[0] = File(0) with { Path = "/etc/../a" }; units[0] = units[0] with { FilePaths = null }; break;
            case "file-below-file": files[1] = File(1) with { Path = "/etc/a/b" }; break;
            case "unit-file-conflict": files[0] = File(0) with { Path = "/etc/systemd/system/a.service" }; units[0] = units[0] with { FilePaths = null }; break;
            case "image-ref": files[0] = File(0) with { Content = new FileContent { ImageRef = new FileContentImageRef { Image = "i", FilePathInImage = "/x" } } }; break;
            case "no-content-source": files[0] = File(0) with { Content = new FileContent() }; break;
            case "two-content-sources": files[0] = File(0) with { Content = File(0).Content! with { SecretRef = new FileContentSecretRef { Name = "s", DataKey = "k" } } }; break;
            case "bad-permissions": files[0] = File(0) with { Permissions = 8192 }; break;
            case "host-name": files[0] = File(0) with { HostName = "node-1" }; break;
            case "invalid-unit-name": units[0] = units[0] with { Name = "a b.service" }; break;
            case "unit-name-no-suffix": units[0] = units[0] with { Name = "kubelet" }; break;
            case "duplicate-unit": units.Add(new Unit { Name = "a.service" }); break;
            case "unknown-command": units[0] = units[0] with { Command = "reload" }; break;
            case "bad-unit-content": units[0] = units[0] with { Content = "[Service]\nnot a key value line\n" }; break;
            case "bad-dropin-name": units[0] = units[0] with { DropIns = [new DropIn { Name = "10-a.txt", Content = "" }] }; break;
            case "bad-dropin-content": units[0] = units[0] with { DropIns = [new DropIn { Name = "10-a.conf", Content = "[Service\n" }] }; break;
            case "missing-file-path": units[0] = units[0] with { FilePaths = ["/etc/missing"] }; break;
            case "ignition-stop-enabled": units[0] = units[0] with { Command = "stop" }; break;
            case "unknown-type": spec = spec with { Type = "windows" }; break;
            case "unknown-purpose": spec = spec with { Purpose = "deploy" }; break;
            case "bad-format": spec = spec with { ProviderConfig = Json("""{"format":"raw"}""") }; break;
            case "bad-kind": spec = spec with { ProviderConfig = Json("""{"kind":"InfrastructureConfig"}""") }; break;
            case "bad-mirror-endpoint": spec = spec with { CriConfig = new CriConfig { Name = "containerd" }, ProviderConfig = Json("""{"networkIsolation":{"registryMirrors":[{"endpoint":"ftp://x","mirrorOf":["docker.io"]}]}}""") }; break;
            case "bad-mirror-of": spec = spec with { ProviderConfig = Json("""{"networkIsolation":{"registryMirrors":[{"endpoint":"https://m","mirrorOf":["../etc"]}]}}""") }; break;
            case "bad-dns": spec = spec with { ProviderConfig = Json("""{"networkIsolation":{"dnsServers":["1.1.1.1","one"]}}""") }; break;
            default: throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }

        return spec with { Files = files, Units = units };
    }

    private static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
