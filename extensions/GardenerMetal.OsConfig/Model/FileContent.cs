namespace GardenerMetal.OsConfig.Model;

/// <summary>spec.files[].content: exactly one of inline, secretRef, imageRef.</summary>
public sealed record FileContent
{
    /// <summary>Inline data.</summary>
    public FileContentInline? Inline { get; init; }

    /// <summary>Data from a Secret in the OSC's namespace.</summary>
    public FileContentSecretRef? SecretRef { get; init; }

    /// <summary>File from a container image (not supported in user data).</summary>
    public FileContentImageRef? ImageRef { get; init; }

    /// <summary>Send the content in clear text so that it can still be changed (e.g. placeholders) before it reaches the node.</summary>
    public bool? TransmitUnencoded { get; init; }
}
