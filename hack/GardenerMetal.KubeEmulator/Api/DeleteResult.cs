using GardenerMetal.KubeEmulator.Storage;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>Outcome of a delete: the object, and whether it is gone (false: marked with deletionTimestamp).</summary>
internal sealed record DeleteResult(StoredObject Object, bool Removed);
