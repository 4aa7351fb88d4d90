using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GardenerMetal.McmStandIn;

/// <summary>
/// One step of a MachineDeployment rollout, as a pure function (the Kubernetes Deployment algorithm that MCM copies):
/// the new MachineSet grows while the total stays within <c>replicas + maxSurge</c>; old MachineSets shrink, first by
/// their unavailable Machines, then by as many available ones as keep at least <c>replicas - maxUnavailable</c>
/// Running; emptied old MachineSets are deleted.
/// </summary>
public static class RolloutPlanner
{
    /// <summary>Plans the next step.</summary>
    /// <param name="desired">The MachineDeployment's <c>spec.replicas</c>.</param>
    /// <param name="strategy">The resolved strategy.</param>
    /// <param name="current">The MachineSet of the current template (null when it does not exist yet).</param>
    /// <param name="old">The other MachineSets of the MachineDeployment.</param>
    public static RolloutPlan Plan(int desired, RolloutStrategy strategy, MachineSetState? current, IReadOnlyList<MachineSetState> old)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(old);
        ArgumentOutOfRangeException.ThrowIfNegative(desired);
        var oldTargets = old.ToDictionary(s => s.Name, s => s.Replicas, StringComparer.Ordinal);
        var currentReplicas = current?.Replicas ?? 0;
        int newTarget;

        if (old.All(s => s.Replicas == 0))
        {
            newTarget = desired;
        }
        else if (strategy.Recreate)
        {
            foreach (var s in old)
            {
                oldTargets[s.Name] = 0;
            }

            newTarget = old.Sum(s => s.Machines) == 0 ? desired : 0;
        }
        else
        {
            var (surge, unavailable) = (strategy.MaxSurge, strategy.MaxUnavailable);
            if (surge == 0 && unavailable == 0)
            {
                unavailable = 1; // as Kubernetes: a rollout must be able to make progress
            }

            // Scale up the new set within the surge budget (or down, when replicas shrank).
            var total = currentReplicas + old.Sum(s => s.Replicas);
            newTarget = currentReplicas > desired
                ? desired
                : Math.Min(desired, currentReplicas + Math.Max(0, desired + surge - total));

            // Scale down old sets: unavailable Machines are free to go; available ones only above the floor.
            var available = (current?.Available ?? 0) + old.Sum(s => s.Available);
            var budget = Math.Max(0, available - (desired - unavailable));
            foreach (var s in old)
            {
                var target = s.Replicas;
                var unhealthy = Math.Max(0, Math.Min(target, s.Replicas - s.Available));
                target -= unhealthy;
                var take = Math.Min(target, budget);
                target -= take;
                budget -= take;
                oldTargets[s.Name] = target;
            }
        }

        var delete = old.Where(s => oldTargets[s.Name] == 0 && s.Replicas == 0 && s.Machines == 0).Select(s => s.Name).ToArray();
        return new RolloutPlan(newTarget, oldTargets, delete);
    }

    /// <summary>
    /// Resolves <c>spec.strategy</c>: <c>type</c> RollingUpdate (default) or Recreate; <c>rollingUpdate.maxSurge</c> and
    /// <c>maxUnavailable</c> as integers or percentages of <paramref name="desired"/> (surge rounds up, unavailable down;
    /// defaults 1 and 0, as Gardener's worker pools).
    /// </summary>
    /// <exception cref="FormatException">A malformed value, naming the field.</exception>
    public static RolloutStrategy ResolveStrategy(JsonNode? strategy, int desired)
    {
        var type = strategy?["type"]?.GetValue<string>() ?? "RollingUpdate";
        if (type is not ("RollingUpdate" or "Recreate"))
        {
            throw new FormatException($"spec.strategy.type: Unsupported value \"{type}\": supported values: \"RollingUpdate\", \"Recreate\"");
        }

        var rolling = strategy?["rollingUpdate"];
        var surge = IntOrPercent(rolling?["maxSurge"], desired, roundUp: true, "spec.strategy.rollingUpdate.maxSurge", 1);
        var unavailable = IntOrPercent(rolling?["maxUnavailable"], desired, roundUp: false, "spec.strategy.rollingUpdate.maxUnavailable", 0);
        return new RolloutStrategy(type == "Recreate", surge, unavailable);
    }

    private static int IntOrPercent(JsonNode? value, int total, bool roundUp, string field, int fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        if (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<int>(out var n) && n >= 0)
        {
            return n;
        }

        if (value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (text.EndsWith('%') && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
            {
                var exact = total * percent / 100.0;
                return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        throw new FormatException($"{field}: Invalid value {value.ToJsonString()}: must be a non-negative integer or a percentage like \"25%\"");
    }
}
