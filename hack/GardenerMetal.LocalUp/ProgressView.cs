using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes;
using GardenerMetal.McmStandIn;

namespace GardenerMetal.LocalUp;

/// <summary>One look at the shoot: each extension resource's lastOperation and the Machines by phase.</summary>
public sealed record ShootProgress(IReadOnlyList<string> Lines, int Machines, int Running, int Desired)
{
    /// <summary>True when the MachineDeployments ask for machines and every one of them is Running.</summary>
    public bool AllRunning => Desired > 0 && Machines == Desired && Running == Desired;

    /// <summary>Reads the current state of <paramref name="namespace"/>.</summary>
    public static async Task<ShootProgress> ReadAsync(KubernetesClient client, string @namespace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var lines = new List<string>();
        foreach (var resource in new[] { ExtensionResourceDescriptors.Infrastructures, ExtensionResourceDescriptors.OperatingSystemConfigs, ExtensionResourceDescriptors.Workers })
        {
            foreach (var obj in (await client.Resource(resource).ListAsync(@namespace, cancellationToken: ct).ConfigureAwait(false)).Items)
            {
                lines.Add($"{resource.Kind + "/" + Name(obj),-42} {LastOperation(obj)}");
            }
        }

        var deployments = (await client.Resource(McmResources.MachineDeployments).ListAsync(@namespace, cancellationToken: ct).ConfigureAwait(false)).Items;
        var desired = deployments.Sum(d => d["spec"]?["replicas"]?.GetValue<int>() ?? 0);
        var machines = (await client.Resource(McmResources.Machines).ListAsync(@namespace, cancellationToken: ct).ConfigureAwait(false)).Items;
        var phases = machines
            .GroupBy(m => m["metadata"]?["deletionTimestamp"] is not null ? "Deleting" : m["status"]?["currentStatus"]?["phase"]?.GetValue<string>() is { Length: > 0 } p ? p : "(new)")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        var running = machines.Count(m => m["metadata"]?["deletionTimestamp"] is null && m["status"]?["currentStatus"]?["phase"]?.GetValue<string>() == "Running");
        var active = machines.Count(m => m["metadata"]?["deletionTimestamp"] is null);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{"Machines (" + deployments.Count + " MachineDeployments, " + desired + " wanted)",-42} {(machines.Count == 0 ? "none yet" : string.Join(", ", phases))}"));
        return new ShootProgress(lines, active, running, desired);
    }

    private static string Name(JsonObject o) => o["metadata"]?["name"]?.GetValue<string>() ?? "?";

    private static string LastOperation(JsonObject o)
    {
        if (o["status"]?["lastOperation"] is not JsonObject op)
        {
            return "waiting for its controller";
        }

        var text = new StringBuilder();
        text.Append(op["type"]?.GetValue<string>()).Append(' ').Append(op["state"]?.GetValue<string>());
        if (op["progress"] is JsonValue progress && progress.TryGetValue<int>(out var p))
        {
            text.Append(CultureInfo.InvariantCulture, $" {p}%");
        }

        if (op["state"]?.GetValue<string>() != "Succeeded" && o["status"]?["lastError"]?["description"]?.GetValue<string>() is { } error)
        {
            text.Append(" — ").Append(error.Length > 120 ? error[..120] + "…" : error);
        }
        else if (op["description"]?.GetValue<string>() is { } description && op["state"]?.GetValue<string>() != "Succeeded")
        {
            text.Append(" — ").Append(description.Length > 100 ? description[..100] + "…" : description);
        }

        return text.ToString();
    }
}
