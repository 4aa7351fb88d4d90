using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Controllers;

/// <summary>The provider logic for Infrastructure resources.</summary>
public interface IInfrastructureActuator : IExtensionActuator<Infrastructure>;
