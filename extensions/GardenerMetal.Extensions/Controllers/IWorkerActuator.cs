using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Controllers;

/// <summary>The provider logic for Worker resources.</summary>
public interface IWorkerActuator : IExtensionActuator<Worker>;
