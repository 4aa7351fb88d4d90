namespace GardenerMetal.AdmissionLocal;

/// <summary>Settings of <see cref="LocalGarden"/>.</summary>
internal sealed record LocalGardenOptions
{
    /// <summary>Where admission.env and the admission/ folder (certificates, kubeconfig) are written.</summary>
    public string OutputDirectory { get; init; } = ".local";

    /// <summary>Webhook HTTPS port on 127.0.0.1; 0 picks a free one.</summary>
    public int WebhookPort { get; init; }

    /// <summary>Kubernetes API emulator port on 127.0.0.1; 0 picks a free one.</summary>
    public int EmulatorPort { get; init; }

    /// <summary>Folder holding crds.yaml and cloudprofile.yaml.</summary>
    public string ManifestDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "manifests");
}
