using GardenerMetal.OsConfig.Model;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Serialization;

/// <summary>An OperatingSystemConfig read from a file, with the Secrets found beside it (for secretRef contents).</summary>
public sealed record OscDocument(OperatingSystemConfig Config, DictionarySecretSource Secrets);
