using GardenerMetal.Extensions.Apis;
using GardenerMetal.Provider.Controllers.Worker;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Worker.Tests;

public sealed class NodeTemplateMergerTests
{
    private static readonly FieldPath PoolPath = FieldPath.Root("spec", "pools").Index(0);
    private static readonly FieldPath RolesPath = PoolPath.Child("providerConfig", "roles");

    [Fact]
    public void Merge_DedicatedAndPlainRoles_LabelsAllTaintsOnlyDedicated()
    {
        var errors = new List<FieldError>();

        var template = NodeTemplateMerger.Merge(["node", "etcd", "infra"], new WorkerPool { Name = "p" }, PoolPath, RolesPath, errors);

        Assert.Empty(errors);
        Assert.Equal(
            ["node-role.kubernetes.io/etcd", "node-role.kubernetes.io/infra", "node-role.kubernetes.io/node"],
            template.Labels.Keys);
        Assert.All(template.Labels.Values, v => Assert.Equal("", v));
        Assert.Equal(
            [("node-role.kubernetes.io/etcd", "NoSchedule"), ("node-role.kubernetes.io/infra", "NoSchedule")],
            template.Taints.Select(t => (t.Key, t.Effect)));
    }

    [Fact]
    public void Merge_PoolLabelsAndTaints_MergeInAndSameTaintIsNotDuplicated()
    {
        var errors = new List<FieldError>();
        var pool = new WorkerPool
        {
            Name = "p",
            Labels = new() { ["team"] = "a", ["node-role.kubernetes.io/infra"] = "" },
            Taints = [new Taint { Key = "node-role.kubernetes.io/infra", Effect = "NoSchedule" }, new Taint { Key = "gpu", Value = "true", Effect = "NoExecute" }],
        };

        var template = NodeTemplateMerger.Merge(["infra"], pool, PoolPath, RolesPath, errors);

        Assert.Empty(errors);
        Assert.Equal("a", template.Labels["team"]);
        Assert.Equal([("node-role.kubernetes.io/infra", "NoSchedule"), ("gpu", "NoExecute")], template.Taints.Select(t => (t.Key, t.Effect)));
    }

    [Fact]
    public void Merge_RoleTaintWithAnotherValue_IsAContradictionNamingTheTaint()
    {
        var errors = new List<FieldError>();
        var pool = new WorkerPool { Name = "p", Taints = [new Taint { Key = "node-role.kubernetes.io/etcd", Value = "x", Effect = "NoSchedule" }] };

        NodeTemplateMerger.Merge(["etcd"], pool, PoolPath, RolesPath, errors);

        var error = Assert.Single(errors);
        Assert.Equal("spec.pools[0].taints[0].value", error.Path);
        Assert.Contains("spec.pools[0].providerConfig.roles[0]", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_RoleLabelWithAValue_IsAContradictionNamingTheLabel()
    {
        var errors = new List<FieldError>();
        var pool = new WorkerPool { Name = "p", Labels = new() { ["node-role.kubernetes.io/master"] = "yes" } };

        NodeTemplateMerger.Merge(["master"], pool, PoolPath, RolesPath, errors);

        Assert.Equal("spec.pools[0].labels[node-role.kubernetes.io/master]", Assert.Single(errors).Path);
    }

    [Theory]
    [InlineData("", "NoSchedule", "spec.pools[0].taints[1].key")]
    [InlineData("k", "Sometimes", "spec.pools[0].taints[1].effect")]
    [InlineData("k", "NoSchedule", "spec.pools[0].taints[1]")]
    public void Merge_BadOrDuplicatePoolTaint_IsAFieldError(string key, string effect, string path)
    {
        var errors = new List<FieldError>();
        var pool = new WorkerPool
        {
            Name = "p",
            Taints = [new Taint { Key = "k", Value = "1", Effect = "NoSchedule" }, new Taint { Key = key, Value = "2", Effect = effect }],
        };

        NodeTemplateMerger.Merge([], pool, PoolPath, RolesPath, errors);

        Assert.Equal(path, Assert.Single(errors).Path);
    }
}
