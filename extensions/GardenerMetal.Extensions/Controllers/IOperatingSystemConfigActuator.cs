using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Controllers;

/// <summary>The provider logic for OperatingSystemConfig resources.</summary>
public interface IOperatingSystemConfigActuator : IExtensionActuator<OperatingSystemConfig>;
