namespace GardenerMetal.OsConfig.Model;

/// <summary>spec.files[].content.imageRef.</summary>
public sealed record FileContentImageRef
{
    /// <summary>Image reference.</summary>
    public string? Image { get; init; }

    /// <summary>Path of the file in the image.</summary>
    public string? FilePathInImage { get; init; }
}
