using GardenerMetal.Extensions.Apis;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Extensions.Reconciliation;

namespace GardenerMetal.Extensions.Tests.Reconciliation;

public sealed class OperationTypesTests
{
    public static TheoryData<string?, bool, LastOperationType?, LastOperationState?, LastOperationType> Cases => new()
    {
        { "migrate", true, LastOperationType.Reconcile, LastOperationState.Succeeded, LastOperationType.Migrate },
        { null, true, LastOperationType.Reconcile, LastOperationState.Succeeded, LastOperationType.Delete },
        { "restore", true, null, null, LastOperationType.Delete },
        { "restore", false, LastOperationType.Migrate, LastOperationState.Succeeded, LastOperationType.Restore },
        { null, false, null, null, LastOperationType.Create },
        { "reconcile", false, LastOperationType.Create, LastOperationState.Error, LastOperationType.Create },
        { null, false, LastOperationType.Migrate, LastOperationState.Error, LastOperationType.Migrate },
        { null, false, LastOperationType.Restore, LastOperationState.Processing, LastOperationType.Restore },
        { "reconcile", false, LastOperationType.Create, LastOperationState.Succeeded, LastOperationType.Reconcile },
        { null, false, LastOperationType.Reconcile, LastOperationState.Error, LastOperationType.Reconcile },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_AnnotationDeletionAndLastOperation_MatchesGardener(string? annotation, bool deleting, LastOperationType? lastType, LastOperationState? lastState, LastOperationType expected)
    {
        // Arrange
        var meta = new ObjectMeta
        {
            Annotations = annotation is null ? null : new Dictionary<string, string> { ["gardener.cloud/operation"] = annotation },
            DeletionTimestamp = deleting ? DateTimeOffset.UnixEpoch : null,
        };
        var last = lastType is null ? null : new LastOperation { Type = lastType.Value, State = lastState!.Value };

        // Act
        var operation = OperationTypes.Compute(meta, last);

        // Assert
        Assert.Equal(expected, operation);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    public void ShootNeedsForceDeletion_AnnotationValue_ParsedLikeGo(string value, bool expected)
    {
        // Arrange
        var shoot = new Shoot { Metadata = new ObjectMeta { Annotations = new Dictionary<string, string> { ["confirmation.gardener.cloud/force-deletion"] = value } } };

        // Act + Assert
        Assert.Equal(expected, OperationTypes.ShootNeedsForceDeletion(shoot));
    }
}
