namespace GardenerMetal.KubeEmulator.Http;

/// <summary>One cause of a Status error: reason (FieldValueRequired, …), message and field path.</summary>
internal sealed record StatusCause(string Reason, string Message, string Field);
