namespace GardenerMetal.KubeEmulator.Protobuf;

/// <summary>One field of a message: its protobuf number, JSON name and kind.</summary>
/// <param name="KeepZero">
/// True for Go pointer fields and fields without <c>omitempty</c>: a zero value on the wire is kept in the JSON
/// (e.g. <c>immutable: false</c>). Otherwise zero values are dropped, because Go's generated marshaller writes every
/// non-pointer field, set or not, and Go's JSON encoder omits those zero values.
/// </param>
internal sealed record ProtoField(int Number, string Name, ProtoKind Kind, bool Repeated = false, bool KeepZero = false, ProtoMessage? Message = null);
