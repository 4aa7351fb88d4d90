using GardenerMetal.Extensions.Apis;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>
/// Merges WorkerConfig roles with a pool's own labels and taints: each role is the label
/// <c>node-role.kubernetes.io/&lt;role&gt;: ""</c>; each dedicated role (<see cref="NodeRoles.IsDedicated"/>) also a
/// NoSchedule taint with the same key and an empty value. Pool labels and taints merge in; a contradiction (the same
/// label with another value, the same taint key and effect with another value) is a field error.
/// </summary>
internal static class NodeTemplateMerger
{
    public const string NoSchedule = "NoSchedule";

    private static readonly string[] Effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    /// <param name="roles">The pool's roles (validated).</param>
    /// <param name="pool">The Worker pool.</param>
    /// <param name="poolPath">The pool's field path (<c>spec.pools[i]</c>).</param>
    /// <param name="rolesPath">The roles' field path (<c>spec.pools[i].providerConfig.roles</c>).</param>
    /// <param name="errors">Receives contradictions.</param>
    public static NodeTemplate Merge(IReadOnlyList<string> roles, WorkerPool pool, FieldPath poolPath, FieldPath rolesPath, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(poolPath);
        ArgumentNullException.ThrowIfNull(rolesPath);
        ArgumentNullException.ThrowIfNull(errors);

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var taints = new List<Taint>();
        var roleOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < roles.Count; i++)
        {
            var key = NodeRoles.LabelKey(roles[i]);
            labels[key] = string.Empty;
            roleOfKey[key] = i;
            if (NodeRoles.IsDedicated(roles[i]))
            {
                taints.Add(new Taint { Key = key, Value = null, Effect = NoSchedule });
            }
        }

        foreach (var (key, value) in (pool.Labels ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (roleOfKey.TryGetValue(key, out var roleIndex) && !string.IsNullOrEmpty(value))
            {
                errors.Add(FieldError.Invalid(poolPath.Child("labels").Key(key), value,
                    $"contradicts role \"{roles[roleIndex]}\" ({rolesPath.Index(roleIndex)}), which sets this label to \"\""));
                continue;
            }

            labels[key] = value ?? string.Empty;
        }

        var poolTaints = pool.Taints ?? [];
        for (var j = 0; j < poolTaints.Count; j++)
        {
            var taint = poolTaints[j];
            var taintPath = poolPath.Child("taints").Index(j);
            if (string.IsNullOrEmpty(taint.Key))
            {
                errors.Add(FieldError.Required(taintPath.Child("key"), "a taint needs a key"));
                continue;
            }

            if (!Effects.Contains(taint.Effect, StringComparer.Ordinal))
            {
                errors.Add(FieldError.NotSupported(taintPath.Child("effect"), taint.Effect, Effects));
                continue;
            }

            var same = taints.FindIndex(t => t.Key == taint.Key && t.Effect == taint.Effect);
            if (same < 0)
            {
                taints.Add(new Taint { Key = taint.Key, Value = string.IsNullOrEmpty(taint.Value) ? null : taint.Value, Effect = taint.Effect });
                continue;
            }

            if ((taints[same].Value ?? string.Empty) == (taint.Value ?? string.Empty))
            {
                continue;
            }

            errors.Add(roleOfKey.TryGetValue(taint.Key, out var roleIndex)
                ? FieldError.Invalid(taintPath.Child("value"), taint.Value,
                    $"contradicts dedicated role \"{roles[roleIndex]}\" ({rolesPath.Index(roleIndex)}), whose {NoSchedule} taint {taint.Key} has the value \"\"")
                : FieldError.Duplicate(taintPath, taint.Key + ":" + taint.Effect));
        }

        var annotations = new SortedDictionary<string, string>(pool.Annotations ?? [], StringComparer.Ordinal);
        return new NodeTemplate(labels, annotations, taints);
    }
}
