using System.Globalization;

namespace GardenerMetal.Provider.Defaulting;

/// <summary>
/// The values the Shoot defaulter fills in (upstream's defaults). Override with <c>with</c>, or read
/// upstream's <c>DEFAULTER_*</c> variables with <see cref="FromEnvironment"/>.
/// </summary>
public sealed record DefaultingOptions
{
    public int NodeCidrMaskSize { get; init; } = 23;
    public int MaxPods { get; init; } = 250;
    public string NetworkType { get; init; } = "calico";
    public string PodsCidr { get; init; } = "10.240.0.0/13";
    public string ServicesCidr { get; init; } = "10.248.0.0/18";
    public string CalicoBackend { get; init; } = "none";
    public bool CalicoKubeProxyEnabled { get; init; } = true;
    public string CalicoPoolMode { get; init; } = "Never";
    public bool CalicoTyphaEnabled { get; init; }
    public bool CiliumHubbleEnabled { get; init; } = true;
    public bool CiliumKubeProxyEnabled { get; init; }
    public string CiliumTunnel { get; init; } = "disabled";
    public IReadOnlyList<string> CiliumDevices { get; init; } = ["lan+", "lo"];
    public string CiliumDirectRoutingDevice { get; init; } = "lo";
    public bool CiliumBgpControlPlane { get; init; } = true;
    public bool CiliumIpv4NativeRoutingCidrEnabled { get; init; } = true;
    public string CiliumLoadBalancingMode { get; init; } = "dsr";
    public int CiliumMtu { get; init; } = 1440;

    /// <summary>
    /// Reads upstream's <c>DEFAULTER_*</c> variables over the defaults. Unlike upstream, a value that
    /// does not parse is an error naming the variable, not a silent fallback.
    /// </summary>
    /// <exception cref="ArgumentException">A variable has a malformed value.</exception>
    public static DefaultingOptions FromEnvironment(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var d = new DefaultingOptions();
        return d with
        {
            MaxPods = Int(lookup, "DEFAULTER_MAXPODS", d.MaxPods, 1, 10000),
            NodeCidrMaskSize = Int(lookup, "DEFAULTER_NODECIDRMASKSIZE", d.NodeCidrMaskSize, 1, 128),
            PodsCidr = Str(lookup, "DEFAULTER_PODSCIDR", d.PodsCidr),
            ServicesCidr = Str(lookup, "DEFAULTER_SERVICESCIDR", d.ServicesCidr),
            NetworkType = Str(lookup, "DEFAULTER_NETWORKTYPE", d.NetworkType),
            CalicoBackend = Str(lookup, "DEFAULTER_CALICOBACKEND", d.CalicoBackend),
            CalicoKubeProxyEnabled = Bool(lookup, "DEFAULTER_CALICOKUBEPROXYENABLED", d.CalicoKubeProxyEnabled),
            CalicoPoolMode = Str(lookup, "DEFAULTER_CALICOPOOLMODE", d.CalicoPoolMode),
            CalicoTyphaEnabled = Bool(lookup, "DEFAULTER_CALICOTYPHAENABLED", d.CalicoTyphaEnabled),
            CiliumHubbleEnabled = Bool(lookup, "DEFAULTER_CILIUMHUBBLEENABLED", d.CiliumHubbleEnabled),
            CiliumKubeProxyEnabled = Bool(lookup, "DEFAULTER_CILIUMKUBEPROXYENABLED", d.CiliumKubeProxyEnabled),
            CiliumTunnel = Str(lookup, "DEFAULTER_CILIUMTUNNEL", d.CiliumTunnel),
            CiliumDevices = lookup("DEFAULTER_CILIUMDEVICES") is { } devices ? devices.Split(',') : d.CiliumDevices,
            CiliumDirectRoutingDevice = Str(lookup, "DEFAULTER_CILIUMDIRECTROUTINGDEVICE", d.CiliumDirectRoutingDevice),
            CiliumBgpControlPlane = Bool(lookup, "DEFAULTER_CILIUMBGPCONTROLPLANE", d.CiliumBgpControlPlane),
            CiliumIpv4NativeRoutingCidrEnabled = Bool(lookup, "DEFAULTER_CILIUMIPV4NATIVEROUTINGCIDRENABLED", d.CiliumIpv4NativeRoutingCidrEnabled),
            CiliumLoadBalancingMode = Str(lookup, "DEFAULTER_CILIUMLOADBALANCINGMODE", d.CiliumLoadBalancingMode),
            CiliumMtu = Int(lookup, "DEFAULTER_CILIUMMTU", d.CiliumMtu, 576, 65535),
        };
    }

    private static string Str(Func<string, string?> lookup, string name, string fallback) => lookup(name) ?? fallback;

    private static bool Bool(Func<string, string?> lookup, string name, bool fallback) =>
        lookup(name) switch
        {
            null => fallback,
            var v when bool.TryParse(v, out var b) => b,
            "1" => true,
            "0" => false,
            _ => throw new ArgumentException(name + " must be true or false", nameof(lookup)),
        };

    private static int Int(Func<string, string?> lookup, string name, int fallback, int min, int max)
    {
        var value = lookup(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException(name + " must be an integer between " + min + " and " + max, nameof(lookup));
    }
}
