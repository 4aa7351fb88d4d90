namespace GardenerMetal.OsConfig.Translation;

/// <summary>The Ignition spec version of Ignition user data.</summary>
public enum IgnitionVersion
{
    /// <summary>Spec 2.3.0, the default: what metal-stack images (flatcar/ignition v0.36, <c>config/v2_4</c> parser) accept.</summary>
    Spec230,

    /// <summary>Spec 3.3.0, only by explicit operator choice: for images that run Ignition 2.x (the 3.x specs); metal-stack images reject it.</summary>
    Spec330,
}
