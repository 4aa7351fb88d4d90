using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalSim.State;

/// <summary>Read-only catalog: images, sizes, partitions, projects (immutable after start, so no lock).</summary>
internal sealed partial class SimStore
{
    public ImageResponse GetImage(string id) =>
        _images.TryGetValue(id, out var i) ? i : throw SimError.NotFound($"no image with id \"{id}\" found");

    public IReadOnlyList<ImageResponse> ListImages() => [.. _images.Values];

    public IReadOnlyList<ImageResponse> FindImages(ImageFindRequest f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return [.. _images.Values.Where(i =>
            (f.Id is null || f.Id == i.Id) &&
            (f.Name is null || f.Name == i.Name) &&
            (f.Classification is null || f.Classification == i.Classification) &&
            (f.Os is null || i.Id.StartsWith(f.Os + "-", StringComparison.Ordinal)) &&
            (f.Version is null || i.Id.EndsWith("-" + f.Version, StringComparison.Ordinal)) &&
            (f.Features is null || f.Features.All(x => i.Features?.Contains(x) ?? false)))];
    }

    public SizeResponse GetSize(string id) =>
        _sizes.TryGetValue(id, out var s) ? s : throw SimError.NotFound($"no size with id \"{id}\" found");

    public IReadOnlyList<SizeResponse> ListSizes() => [.. _sizes.Values];

    public PartitionResponse GetPartition(string id) =>
        _partitions.TryGetValue(id, out var p) ? p : throw SimError.NotFound($"no partition with id \"{id}\" found");

    public IReadOnlyList<PartitionResponse> ListPartitions() => [.. _partitions.Values];

    public ProjectResponse GetProject(string id) =>
        _projects.TryGetValue(id, out var p) ? p : throw SimError.NotFound($"no project with id \"{id}\" found");

    public IReadOnlyList<ProjectResponse> ListProjects() => [.. _projects.Values];

    public IReadOnlyList<ProjectResponse> FindProjects(ProjectFindRequest f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return [.. _projects.Values.Where(p =>
            (f.Id is null || f.Id == p.Meta?.Id) &&
            (f.Name is null || f.Name == p.Name) &&
            (f.Description is null || f.Description == p.Description) &&
            (f.TenantId is null || f.TenantId == p.TenantId))];
    }
}
