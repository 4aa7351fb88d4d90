using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>gardencorev1beta1.LastOperationType.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LastOperationType>))]
public enum LastOperationType
{
    Create,
    Reconcile,
    Delete,
    Migrate,
    Restore,
}
