using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.OsConfig.Serialization;

namespace GardenerMetal.OsConfig.Tests.Controllers;

/// <summary>
/// The actuator through the extension framework (ControllerHost → ExtensionController → ExtensionReconciler) against the
/// Kubernetes API emulator with Gardener's CRDs.
/// </summary>
public sealed class OperatingSystemConfigActuatorTests(OscEmulatorFixture emulator) : IClassFixture<OscEmulatorFixture>
{
    private const string Finalizer = "extensions.gardener.cloud/operatingsystemconfig";
    private static readonly TimeSpan Timeout = OscEmulatorFixture.Timeout;

    public static TheoryData<string, string> ProvisionCases => new()
    {
        { "node-init", "ignition.json" },       // type metal → Ignition; a secretRef file read from a Secret in the namespace
        { "example", "ignition.json" },         // the upstream example OSC (type metal)
        { "isolated-debian", "cloud-init.yaml" }, // type debian → #cloud-config
    };

    [Theory]
    [MemberData(nameof(ProvisionCases))]
    public async Task Reconcile_ProvisionOsc_WritesGoldenUserDataSecretOwnedByOscAndStatusSecretRef(string goldenCase, string expectedFile)
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        await CreateGoldenSecretsAsync(goldenCase, ns);
        await using var run = OscControllerRun.Start(emulator.Client);

        // Act
        var created = await emulator.Oscs.CreateAsync(OscEmulatorFixture.GoldenOsc(goldenCase, ns, "pool-a")).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-a", LastOperationType.Create, LastOperationState.Succeeded);
        var osc = await emulator.GetOscAsync(ns, "pool-a");
        var secret = await emulator.GetSecretAsync(ns, "osc-result-pool-a");

        // Assert
        var expected = File.ReadAllText(Path.Combine(GoldenCase.Dir(goldenCase), expectedFile));
        Assert.NotNull(secret);
        Assert.Equal(["cloud_config"], secret.Data!.Keys);
        Assert.Equal(expected, Encoding.UTF8.GetString(secret.Data["cloud_config"]));
        var owner = Assert.Single(secret.Metadata.OwnerReferences!);
        Assert.Equal(("extensions.gardener.cloud/v1alpha1", "OperatingSystemConfig", "pool-a", created.Metadata.Uid, true),
            (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller == true));
        Assert.Equal("osc-result-pool-a", osc!.Status!.CloudConfig!.SecretRef.Name);
        Assert.Equal(ns, osc.Status.CloudConfig.SecretRef.Namespace);
        Assert.Null(osc.Status.ExtensionFiles);
        Assert.Null(osc.Status.LastError);
        Assert.Equal(osc.Metadata.Generation, osc.Status.ObservedGeneration);
        Assert.Equal([Finalizer], osc.Metadata.Finalizers!);
    }

    [Fact]
    public async Task Reconcile_ReconcilePurpose_WritesOnlyExtensionFilesToStatusAndNoSecret()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        await using var run = OscControllerRun.Start(emulator.Client);
        var expected = JsonSerializer.Deserialize(
            File.ReadAllBytes(Path.Combine(GoldenCase.Dir("reconcile-isolated"), "reconcile.json")), OscJsonContext.Default.IReadOnlyListOscFile)!;

        // Act
        await emulator.Oscs.CreateAsync(OscEmulatorFixture.GoldenOsc("reconcile-isolated", ns, "pool-r")).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-r", LastOperationType.Create, LastOperationState.Succeeded);
        var osc = await emulator.GetOscAsync(ns, "pool-r");

        // Assert
        Assert.NotEmpty(expected);
        var files = osc!.Status!.ExtensionFiles!;
        Assert.Equal(expected.Select(f => (f.Path, f.Permissions, f.Content!.Inline!.Encoding ?? "", f.Content.Inline.Data)),
            files.Select(f => ((string?)f.Path, f.Permissions, f.Content.Inline!.Encoding, (string?)f.Content.Inline.Data)));
        Assert.Contains(files, f => f.Path == "/etc/containerd/config.toml");
        Assert.Null(osc.Status.ExtensionUnits);
        Assert.Null(osc.Status.CloudConfig);
        Assert.Null(await emulator.GetSecretAsync(ns, "osc-result-pool-r"));
    }

    [Fact]
    public async Task Reconcile_MissingSecretRefSecret_ErrorWithConfigurationProblemAndFieldPathAndNoSecret()
    {
        // Arrange: node-init's cluster-ca.crt (spec.files[3]) comes from Secret ca-bundle, which is not created
        var ns = await emulator.NewShootNamespaceAsync();
        await using var run = OscControllerRun.Start(emulator.Client);

        // Act
        await emulator.Oscs.CreateAsync(OscEmulatorFixture.GoldenOsc("node-init", ns, "pool-m")).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-m", LastOperationType.Create, LastOperationState.Error);
        var osc = await emulator.GetOscAsync(ns, "pool-m");

        // Assert
        var error = osc!.Status!.LastError!;
        Assert.Equal(["ERR_CONFIGURATION_PROBLEM"], error.Codes!);
        Assert.Contains("spec.files[3].content.secretRef.name", error.Description, StringComparison.Ordinal);
        Assert.Contains("ca-bundle", error.Description, StringComparison.Ordinal);
        Assert.Null(osc.Status.CloudConfig);
        Assert.Null(await emulator.GetSecretAsync(ns, "osc-result-pool-m"));
    }

    [Fact]
    public async Task Reconcile_MissingSecretThenCreated_RecoversAndClearsLastError()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        await using var run = OscControllerRun.Start(emulator.Client);
        await emulator.Oscs.CreateAsync(OscEmulatorFixture.GoldenOsc("node-init", ns, "pool-f")).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-f", LastOperationType.Create, LastOperationState.Error);

        // Act: fix the input (the referenced Secret appears); the controller's backoff retry picks it up
        await CreateGoldenSecretsAsync("node-init", ns);
        await WaitForAsync(ns, "pool-f", LastOperationType.Create, LastOperationState.Succeeded);
        var osc = await emulator.GetOscAsync(ns, "pool-f");
        var secret = await emulator.GetSecretAsync(ns, "osc-result-pool-f");

        // Assert
        Assert.Null(osc!.Status!.LastError);
        Assert.Equal("osc-result-pool-f", osc.Status.CloudConfig!.SecretRef.Name);
        Assert.Equal(File.ReadAllText(Path.Combine(GoldenCase.Dir("node-init"), "ignition.json")), Encoding.UTF8.GetString(secret!.Data!["cloud_config"]));
    }

    [Fact]
    public async Task Reconcile_SpecBecomesInvalid_ErrorWithFieldPathAndPreviousUserDataUntouched()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        await using var run = OscControllerRun.Start(emulator.Client);
        await emulator.Oscs.CreateAsync(OscEmulatorFixture.GoldenOsc("example", ns, "pool-b")).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-b", LastOperationType.Create, LastOperationState.Succeeded);
        var before = await emulator.GetSecretAsync(ns, "osc-result-pool-b");

        // Act: an unknown encoding on the first file, with Gardener's reconcile annotation
        var osc = (await emulator.GetOscAsync(ns, "pool-b"))!;
        osc.Spec.Files![0].Content.Inline!.Encoding = "gzip";
        osc.Metadata.Annotations = new Dictionary<string, string> { ["gardener.cloud/operation"] = "reconcile" };
        await emulator.Oscs.ReplaceAsync(osc).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-b", LastOperationType.Reconcile, LastOperationState.Error);
        var failed = await emulator.GetOscAsync(ns, "pool-b");
        var after = await emulator.GetSecretAsync(ns, "osc-result-pool-b");

        // Assert
        Assert.Equal(["ERR_CONFIGURATION_PROBLEM"], failed!.Status!.LastError!.Codes!);
        Assert.Contains("spec.files[0].content.inline.encoding", failed.Status.LastError.Description, StringComparison.Ordinal);
        Assert.Equal(before!.Metadata.ResourceVersion, after!.Metadata.ResourceVersion);
        Assert.Equal(before.Data!["cloud_config"], after.Data!["cloud_config"]);
    }

    [Fact]
    public async Task Delete_ProvisionOsc_RemovesResultSecretBeforeReleasingFinalizer()
    {
        // Arrange: a second finalizer keeps the OSC (so the garbage collector cannot be what removes the Secret)
        var ns = await emulator.NewShootNamespaceAsync();
        await using var run = OscControllerRun.Start(emulator.Client);
        var osc = OscEmulatorFixture.GoldenOsc("example", ns, "pool-d");
        osc.Metadata.Finalizers = ["test.gardener-metal/hold"];
        await emulator.Oscs.CreateAsync(osc).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-d", LastOperationType.Create, LastOperationState.Succeeded);
        Assert.NotNull(await emulator.GetSecretAsync(ns, "osc-result-pool-d"));

        // Act
        await emulator.Oscs.DeleteAsync(ns, "pool-d").WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-d", LastOperationType.Delete, LastOperationState.Succeeded);
        await OscEmulatorFixture.EventuallyAsync(async () => (await emulator.GetOscAsync(ns, "pool-d"))?.Metadata.Finalizers is ["test.gardener-metal/hold"], "finalizer released");
        var secretWhileOscExists = await emulator.GetSecretAsync(ns, "osc-result-pool-d");
        await emulator.Oscs.PatchAsync(ns, "pool-d", KubernetesPatch.Merge(new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } })).WaitAsync(Timeout);
        await OscEmulatorFixture.EventuallyAsync(async () => await emulator.GetOscAsync(ns, "pool-d") is null, "OSC gone");

        // Assert
        Assert.Null(secretWhileOscExists);
    }

    [Fact]
    public async Task Reconcile_OscOfUnconfiguredType_IsIgnored()
    {
        // Arrange: controllers for metal only; a debian OSC and a metal OSC in the same namespace
        var ns = await emulator.NewShootNamespaceAsync();
        await using var run = OscControllerRun.Start(emulator.Client, "metal");
        var other = OscEmulatorFixture.GoldenOsc("isolated-debian", ns, "pool-other");
        await emulator.Oscs.CreateAsync(other).WaitAsync(Timeout);

        // Act
        await emulator.Oscs.CreateAsync(OscEmulatorFixture.GoldenOsc("example", ns, "pool-metal")).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-metal", LastOperationType.Create, LastOperationState.Succeeded);
        var ignored = await emulator.GetOscAsync(ns, "pool-other");

        // Assert
        Assert.Null(ignored!.Status?.LastOperation);
        Assert.Null(ignored.Metadata.Finalizers);
        Assert.Null(await emulator.GetSecretAsync(ns, "osc-result-pool-other"));
    }

    [Fact]
    public async Task MigrateThenRestore_ProvisionOsc_ReleasesFinalizerKeepsSecretThenRestoreWritesItAgain()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        await using var run = OscControllerRun.Start(emulator.Client);
        await emulator.Oscs.CreateAsync(OscEmulatorFixture.GoldenOsc("example", ns, "pool-g")).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-g", LastOperationType.Create, LastOperationState.Succeeded);

        // Act: migrate; then, as in a destination seed, restore without the Secret
        await AnnotateAsync(ns, "pool-g", "migrate");
        // Gardener's order: status Succeeded first, then finalizer and annotation removal in one patch.
        await OscEmulatorFixture.EventuallyAsync(
            async () => await emulator.GetOscAsync(ns, "pool-g") is { Status.LastOperation: { Type: LastOperationType.Migrate, State: LastOperationState.Succeeded } } osc
                && osc.Metadata.GetAnnotation("gardener.cloud/operation") is null,
            $"{ns}/pool-g: migrate finished");
        var migrated = await emulator.GetOscAsync(ns, "pool-g");
        var secretAfterMigrate = await emulator.GetSecretAsync(ns, "osc-result-pool-g");
        await emulator.Client.Secrets.DeleteAsync(ns, "osc-result-pool-g").WaitAsync(Timeout);
        await AnnotateAsync(ns, "pool-g", "restore");
        await WaitForAsync(ns, "pool-g", LastOperationType.Restore, LastOperationState.Succeeded);
        var restored = await emulator.GetOscAsync(ns, "pool-g");
        var secretAfterRestore = await emulator.GetSecretAsync(ns, "osc-result-pool-g");

        // Assert
        Assert.Null(migrated!.Metadata.Finalizers);
        Assert.Null(migrated.Metadata.GetAnnotation("gardener.cloud/operation"));
        Assert.NotNull(secretAfterMigrate);
        Assert.Equal([Finalizer], restored!.Metadata.Finalizers!);
        Assert.Null(restored.Metadata.GetAnnotation("gardener.cloud/operation"));
        Assert.Equal(File.ReadAllText(Path.Combine(GoldenCase.Dir("example"), "ignition.json")), Encoding.UTF8.GetString(secretAfterRestore!.Data!["cloud_config"]));
    }

    [Fact]
    public async Task Reconcile_ResultSecretNameTakenByAnotherController_ErrorAndSecretNotOverwritten()
    {
        // Arrange: a Secret osc-result-pool-c already exists, controlled by a ConfigMap
        var ns = await emulator.NewShootNamespaceAsync();
        var owner = await emulator.Client.ConfigMaps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "owner", Namespace = ns } }).WaitAsync(Timeout);
        await emulator.Client.Secrets.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta
            {
                Name = "osc-result-pool-c",
                Namespace = ns,
                OwnerReferences = [new OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid!, Controller = true }],
            },
            Data = new Dictionary<string, byte[]> { ["cloud_config"] = "theirs"u8.ToArray() },
        }).WaitAsync(Timeout);
        await using var run = OscControllerRun.Start(emulator.Client);

        // Act
        await emulator.Oscs.CreateAsync(OscEmulatorFixture.GoldenOsc("example", ns, "pool-c")).WaitAsync(Timeout);
        await WaitForAsync(ns, "pool-c", LastOperationType.Create, LastOperationState.Error);
        var osc = await emulator.GetOscAsync(ns, "pool-c");
        var secret = await emulator.GetSecretAsync(ns, "osc-result-pool-c");

        // Assert
        Assert.Contains("controlled by another object", osc!.Status!.LastError!.Description, StringComparison.Ordinal);
        Assert.Equal("theirs"u8.ToArray(), secret!.Data!["cloud_config"]);
    }

    private async Task CreateGoldenSecretsAsync(string goldenCase, string ns)
    {
        foreach (var secret in OscEmulatorFixture.GoldenSecrets(goldenCase, ns))
        {
            await emulator.Client.Secrets.CreateAsync(secret).WaitAsync(Timeout);
        }
    }

    private Task<OperatingSystemConfig> AnnotateAsync(string ns, string name, string operation) =>
        emulator.Oscs.PatchAsync(ns, name, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["gardener.cloud/operation"] = operation } },
        })).WaitAsync(Timeout);

    private Task WaitForAsync(string ns, string name, LastOperationType type, LastOperationState state) =>
        OscEmulatorFixture.EventuallyAsync(
            async () => (await emulator.GetOscAsync(ns, name))?.Status?.LastOperation is { } op && op.Type == type && op.State == state,
            $"{ns}/{name}: lastOperation {type} {state}");
}
