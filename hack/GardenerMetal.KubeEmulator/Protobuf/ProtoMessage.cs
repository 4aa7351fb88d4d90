namespace GardenerMetal.KubeEmulator.Protobuf;

/// <summary>The fields of one Kubernetes protobuf message that the emulator maps to JSON.</summary>
internal sealed class ProtoMessage
{
    public ProtoMessage(string name, params ProtoField[] fields)
    {
        Name = name;
        Fields = fields.ToDictionary(f => f.Number);
    }

    /// <summary>The upstream message name (e.g. <c>ObjectMeta</c>), used in error messages.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<int, ProtoField> Fields { get; }
}
