using YamlDotNet.RepresentationModel;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// The images the ControlPlane controller deploys, from <c>images.yaml</c> embedded in the assembly (Gardener's image
/// vector format: <c>images[].{name, repository, tag}</c>). A file named by <c>IMAGEVECTOR_OVERWRITE</c> replaces
/// entries by name, as in every Gardener extension.
/// </summary>
public sealed class ImageVector
{
    /// <summary>The environment variable naming an overwrite file.</summary>
    public const string OverwriteVariable = "IMAGEVECTOR_OVERWRITE";

    private const string ResourceName = "GardenerMetal.Provider.ControlPlane.images.yaml";

    private readonly Dictionary<string, string> _images;

    private ImageVector(Dictionary<string, string> images) => _images = images;

    /// <summary>The image names the vector holds.</summary>
    public IReadOnlyCollection<string> Names => _images.Keys;

    /// <summary>The embedded vector with the overwrite file of <c>IMAGEVECTOR_OVERWRITE</c> applied, if set.</summary>
    public static ImageVector Load() => Load(Environment.GetEnvironmentVariable(OverwriteVariable));

    /// <summary>The embedded vector with <paramref name="overwritePath"/> applied (null or empty: none).</summary>
    /// <exception cref="InvalidOperationException">A file is malformed; the message names the file and entry.</exception>
    public static ImageVector Load(string? overwritePath)
    {
        using var stream = typeof(ImageVector).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded image vector {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        Merge(images, reader.ReadToEnd(), "images.yaml");
        if (!string.IsNullOrEmpty(overwritePath))
        {
            Merge(images, File.ReadAllText(overwritePath), OverwriteVariable + "=" + overwritePath);
        }

        return new ImageVector(images);
    }

    /// <summary>Parses a vector from text (tests and tools).</summary>
    public static ImageVector Parse(string yaml, string source)
    {
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        Merge(images, yaml, source);
        return new ImageVector(images);
    }

    /// <summary>The <c>repository:tag</c> of image <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The vector has no such image.</exception>
    public string Image(string name) =>
        _images.TryGetValue(name, out var image) ? image : throw new KeyNotFoundException($"the image vector has no image named \"{name}\"");

    private static void Merge(Dictionary<string, string> images, string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidOperationException($"{source}: not YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("images"), out var list) || list is not YamlSequenceNode entries)
        {
            throw new InvalidOperationException($"{source}: images: Required value: a list of images");
        }

        var index = 0;
        foreach (var entry in entries)
        {
            var path = $"{source}: images[{index++}]";
            if (entry is not YamlMappingNode map)
            {
                throw new InvalidOperationException($"{path}: must be a mapping");
            }

            var name = Scalar(map, "name") ?? throw new InvalidOperationException($"{path}.name: Required value");
            var repository = Scalar(map, "repository");
            var tag = Scalar(map, "tag");
            if (repository is null)
            {
                if (!images.TryGetValue(name, out var existing))
                {
                    throw new InvalidOperationException($"{path}.repository: Required value");
                }

                repository = existing.Contains('@', StringComparison.Ordinal) ? existing[..existing.IndexOf('@', StringComparison.Ordinal)] : existing[..existing.LastIndexOf(':')];
            }

            images[name] = tag is null ? repository : tag.StartsWith("sha256:", StringComparison.Ordinal) ? repository + "@" + tag : repository + ":" + tag;
        }
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
