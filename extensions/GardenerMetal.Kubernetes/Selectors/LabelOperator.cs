namespace GardenerMetal.Kubernetes.Selectors;

/// <summary>Operator of a <see cref="LabelRequirement"/>.</summary>
public enum LabelOperator
{
    /// <summary><c>key=value</c> (also <c>key==value</c>).</summary>
    Equal,

    /// <summary><c>key!=value</c> (also true when the key is absent).</summary>
    NotEqual,

    /// <summary><c>key in (a,b)</c>.</summary>
    In,

    /// <summary><c>key notin (a,b)</c> (also true when the key is absent).</summary>
    NotIn,

    /// <summary><c>key</c>.</summary>
    Exists,

    /// <summary><c>!key</c>.</summary>
    DoesNotExist,
}
