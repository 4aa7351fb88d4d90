using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Controllers;

/// <summary>The provider logic for ControlPlane resources.</summary>
public interface IControlPlaneActuator : IExtensionActuator<ControlPlane>;
