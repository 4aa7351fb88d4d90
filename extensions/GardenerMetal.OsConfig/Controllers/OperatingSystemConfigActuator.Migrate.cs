using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;

namespace GardenerMetal.OsConfig.Controllers;

public sealed partial class OperatingSystemConfigActuator
{
    /// <summary>
    /// Control-plane migration: nothing to hand over (no <c>status.state</c>; the user data follows from the spec and the
    /// referenced Secrets, which Gardener migrates). The result Secret stays in the source seed until Gardener deletes the
    /// migrated OSC, whose garbage collection removes it; restore writes it anew in the destination seed.
    /// </summary>
    public Task<ActuatorResult> MigrateAsync(OperatingSystemConfig resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Task.FromResult(ActuatorResult.Done);
    }
}
