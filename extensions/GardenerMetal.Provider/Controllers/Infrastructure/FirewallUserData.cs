using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.OsConfig.Ignition;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// Builds the firewall machine's user data: an Ignition spec 2.3.0 config (os-metal's <see cref="Ignition2Config"/>, the spec
/// metal-stack images parse; they reject 3.x) writing
/// <see cref="ConfigPath"/>, a JSON document with the cluster id, the node network, the rate limits and the
/// egress (SNAT) rules the firewall applies. metal-api takes user data base64-encoded.
/// </summary>
internal static class FirewallUserData
{
    /// <summary>Where the firewall finds its configuration.</summary>
    public const string ConfigPath = "/etc/firewall-controller/infrastructure.json";

    /// <summary>The JSON configuration document (deterministic: lists keep the configured order).</summary>
    public static JsonObject BuildConfig(string clusterId, InfrastructureConfig config, string nodeNetworkId, string nodesCidr)
    {
        ArgumentNullException.ThrowIfNull(config);
        var firewall = config.Firewall;
        var rateLimits = new JsonArray();
        foreach (var limit in firewall.RateLimits ?? [])
        {
            rateLimits.Add(new JsonObject { ["networkID"] = limit.NetworkId, ["rateLimit"] = limit.RateLimitMbps });
        }

        var egress = new JsonArray();
        foreach (var rule in firewall.EgressRules ?? [])
        {
            var ips = new JsonArray();
            foreach (var ip in rule.Ips ?? [])
            {
                ips.Add(ip);
            }

            egress.Add(new JsonObject { ["networkID"] = rule.NetworkId, ["ips"] = ips });
        }

        var networks = new JsonArray();
        foreach (var network in firewall.Networks ?? [])
        {
            networks.Add(network);
        }

        return new JsonObject
        {
            ["clusterID"] = clusterId,
            ["projectID"] = config.ProjectId,
            ["partitionID"] = config.PartitionId,
            ["nodeNetwork"] = new JsonObject { ["id"] = nodeNetworkId, ["cidr"] = nodesCidr },
            ["externalNetworks"] = networks,
            ["rateLimits"] = rateLimits,
            ["egressRules"] = egress,
            ["logAcceptedConnections"] = firewall.LogAcceptedConnections ?? false,
            ["controllerVersion"] = firewall.ControllerVersion,
        };
    }

    /// <summary>The Ignition document (JSON text) that writes the configuration file, root-owned, mode 0640.</summary>
    public static string BuildIgnition(JsonObject configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = new Ignition2File(ConfigPath, Encoding.UTF8.GetBytes(configuration.ToJsonString())) { Mode = 0b110_100_000, UserId = 0, GroupId = 0 };
        return Encoding.UTF8.GetString(Ignition2Config.Build([file], []));
    }

    /// <summary>The base64 user data for <c>POST /v1/firewall/allocate</c>.</summary>
    public static string Build(string clusterId, InfrastructureConfig config, string nodeNetworkId, string nodesCidr) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(BuildIgnition(BuildConfig(clusterId, config, nodeNetworkId, nodesCidr))));
}
