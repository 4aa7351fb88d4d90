namespace GardenerMetal.KubeEmulator.Auth;

/// <summary>Who a request is: the emulator's admin token (everything allowed) or a ServiceAccount (RBAC applies).</summary>
internal sealed record UserInfo(string Name, IReadOnlyList<string> Groups, bool IsAdmin)
{
    public static readonly UserInfo Admin = new("kubernetes-admin", ["system:masters", "system:authenticated"], true);

    public static UserInfo ServiceAccount(string ns, string name) =>
        new($"system:serviceaccount:{ns}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"], false);
}
