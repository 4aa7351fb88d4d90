using System.Net;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>ServiceAccount tokens (TokenRequest) and RBAC authorization as kube-apiserver does them: 403 unless a binding grants the request.</summary>
public sealed class RbacTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Rbac = "/apis/rbac.authorization.k8s.io/v1";

    [Fact]
    public async Task TokenRequest_NoBinding_Returns403NamingUserVerbAndResource()
    {
        using var sa = await ServiceAccountClientAsync("rbac-none", "reader");

        var (code, body) = await Api.GetAsync(sa, "/api/v1/namespaces/rbac-none/configmaps");

        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Equal(
            "configmaps is forbidden: User \"system:serviceaccount:rbac-none:reader\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"rbac-none\"",
            (string?)body["message"]);
        Assert.Equal("Forbidden", (string?)body["reason"]);
    }

    [Fact]
    public async Task RoleBinding_GrantsOnlyItsNamespaceAndVerbs()
    {
        using var sa = await ServiceAccountClientAsync("rbac-role", "reader");
        await Api.CreateNamespaceAsync(fixture.Http, "rbac-other");
        await CreateAsync($"{Rbac}/namespaces/rbac-role/roles", """{"metadata":{"name":"cm-read"},"rules":[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get","list","watch"]}]}""");
        await CreateAsync($"{Rbac}/namespaces/rbac-role/rolebindings", """{"metadata":{"name":"cm-read"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"cm-read"},"subjects":[{"kind":"ServiceAccount","name":"reader","namespace":"rbac-role"}]}""");

        var (list, _) = await Api.GetAsync(sa, "/api/v1/namespaces/rbac-role/configmaps");
        var (other, _) = await Api.GetAsync(sa, "/api/v1/namespaces/rbac-other/configmaps");
        var (create, _) = await Api.PostAsync(sa, "/api/v1/namespaces/rbac-role/configmaps", """{"metadata":{"name":"x"}}""");

        Assert.Equal(HttpStatusCode.OK, list);
        Assert.Equal(HttpStatusCode.Forbidden, other);
        Assert.Equal(HttpStatusCode.Forbidden, create);
    }

    [Fact]
    public async Task ResourceNames_RestrictGetAndUpdateToTheNamedObjects()
    {
        using var sa = await ServiceAccountClientAsync("rbac-lease", "elector");
        await CreateAsync($"{Rbac}/clusterroles", """{"metadata":{"name":"rbac-lease"},"rules":[{"apiGroups":["coordination.k8s.io"],"resources":["leases"],"verbs":["create"]},{"apiGroups":["coordination.k8s.io"],"resources":["leases"],"resourceNames":["mine"],"verbs":["get","update"]}]}""");
        await CreateAsync($"{Rbac}/namespaces/rbac-lease/rolebindings", """{"metadata":{"name":"lease"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"rbac-lease"},"subjects":[{"kind":"ServiceAccount","name":"elector"}]}""");
        const string Leases = "/apis/coordination.k8s.io/v1/namespaces/rbac-lease/leases";

        var (createMine, _) = await Api.PostAsync(sa, Leases, """{"metadata":{"name":"mine"},"spec":{"holderIdentity":"a"}}""");
        var (createOther, _) = await Api.PostAsync(fixture.Http, Leases, """{"metadata":{"name":"other"},"spec":{"holderIdentity":"b"}}""");
        var (getMine, _) = await Api.GetAsync(sa, Leases + "/mine");
        var (getOther, _) = await Api.GetAsync(sa, Leases + "/other");
        var (list, _) = await Api.GetAsync(sa, Leases);

        Assert.Equal(HttpStatusCode.Created, createMine);
        Assert.Equal(HttpStatusCode.Created, createOther);
        Assert.Equal(HttpStatusCode.OK, getMine);
        Assert.Equal(HttpStatusCode.Forbidden, getOther);
        Assert.Equal(HttpStatusCode.Forbidden, list);
    }

    [Fact]
    public async Task Subresource_NeedsItsOwnRule()
    {
        using var sa = await ServiceAccountClientAsync("rbac-sub", "scaler");
        await CreateAsync($"{Rbac}/clusterroles", """{"metadata":{"name":"rbac-sub"},"rules":[{"apiGroups":["apps"],"resources":["deployments"],"verbs":["get","patch"]}]}""");
        await CreateAsync($"{Rbac}/clusterrolebindings", """{"metadata":{"name":"rbac-sub"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"rbac-sub"},"subjects":[{"kind":"Group","name":"system:serviceaccounts:rbac-sub"}]}""");
        await CreateAsync("/apis/apps/v1/namespaces/rbac-sub/deployments", """{"metadata":{"name":"d"},"spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""");

        var (get, _) = await Api.GetAsync(sa, "/apis/apps/v1/namespaces/rbac-sub/deployments/d");
        var (scale, body) = await Api.GetAsync(sa, "/apis/apps/v1/namespaces/rbac-sub/deployments/d/scale");

        Assert.Equal(HttpStatusCode.OK, get);
        Assert.Equal(HttpStatusCode.Forbidden, scale);
        Assert.Contains("cannot get resource \"deployments/scale\" in API group \"apps\"", (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedServiceAccount_TokenIsRejectedWith401()
    {
        using var sa = await ServiceAccountClientAsync("rbac-gone", "temp");
        var (deleted, _) = await Api.DeleteAsync(fixture.Http, "/api/v1/namespaces/rbac-gone/serviceaccounts/temp");
        Assert.Equal(HttpStatusCode.OK, deleted);

        var (code, _) = await Api.GetAsync(sa, "/api/v1/namespaces/rbac-gone/configmaps");

        Assert.Equal(HttpStatusCode.Unauthorized, code);
    }

    private async Task<HttpClient> ServiceAccountClientAsync(string ns, string name)
    {
        await Api.CreateNamespaceAsync(fixture.Http, ns);
        await CreateAsync($"/api/v1/namespaces/{ns}/serviceaccounts", "{\"metadata\":{\"name\":\"" + name + "\"}}");
        var (code, token) = await Api.PostAsync(fixture.Http, $"/api/v1/namespaces/{ns}/serviceaccounts/{name}/token", """{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{"expirationSeconds":3600}}""");
        Assert.True(code == HttpStatusCode.Created, token.ToJsonString());
        return fixture.CreateClient((string)token["status"]!["token"]!);
    }

    private async Task CreateAsync(string path, string body)
    {
        var (code, response) = await Api.PostAsync(fixture.Http, path, body);
        Assert.True(code == HttpStatusCode.Created, response.ToJsonString());
    }
}
