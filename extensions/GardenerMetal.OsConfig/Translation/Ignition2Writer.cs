using GardenerMetal.OsConfig.Ignition;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// Renders a <see cref="NormalizedConfig"/> as Ignition spec 2.3.0 through <see cref="Ignition2Config"/> (the default Ignition output):
/// <list type="bullet">
/// <item>files: root-owned (<c>user.id</c>/<c>group.id</c> 0), mode as given (default 0644), <c>overwrite: true</c>; contents base64,
/// or percent-encoded when transmitted unencoded (transmitUnencoded or an MCM placeholder inside). No OSC field asks for
/// <c>append</c>, so os-metal never sets it;</item>
/// <item>units: <c>enabled</c> from enable/command (<see cref="IgnitionUnitState"/>), contents and drop-ins; an OSC unit has no mask field,
/// so nothing is masked;</item>
/// <item>a unit whose content or drop-ins contain an MCM placeholder is written as files under /etc/systemd/system: unit
/// contents are JSON strings, where '&lt;'/'&gt;' are escaped, so MCM would replace neither form there, while a percent-encoded
/// data URL carries exactly the url.QueryEscape form MCM replaces when no plain form exists (<see cref="Placeholders"/>).</item>
/// </list>
/// </summary>
internal static class Ignition2Writer
{
    private const int Root = 0;

    public static void Write(NormalizedConfig config, PooledBuffer output)
    {
        var files = new List<Ignition2File>(config.Files.Count + 4);
        foreach (var file in config.Files)
        {
            files.Add(new Ignition2File(file.Path, file.Content) { Mode = file.Mode, Unencoded = file.Clear, UserId = Root, GroupId = Root });
        }

        var units = new List<Ignition2Unit>(config.Units.Count);
        for (var i = 0; i < config.Units.Count; i++)
        {
            var unit = config.Units[i];
            var enabled = IgnitionUnitState.Enabled(unit, i);
            if (!unit.HasPlaceholder)
            {
                units.Add(new Ignition2Unit(unit.Name) { Enabled = enabled, Contents = unit.Content, DropIns = DropIns(unit) });
                continue;
            }

            if (unit.Content is not null)
            {
                files.Add(UnitFile(OscNormalizer.UnitDirectory + unit.Name, unit.Content));
            }

            foreach (var dropIn in unit.DropIns)
            {
                files.Add(UnitFile(string.Concat(OscNormalizer.UnitDirectory, unit.Name, ".d/", dropIn.Name), dropIn.Content));
            }

            if (enabled is not null)
            {
                units.Add(new Ignition2Unit(unit.Name) { Enabled = enabled });
            }
        }

        Ignition2Config.Write(files, units, output);
    }

    private static Ignition2DropIn[] DropIns(NormalizedUnit unit)
    {
        if (unit.DropIns.Count == 0)
        {
            return [];
        }

        var dropIns = new Ignition2DropIn[unit.DropIns.Count];
        for (var j = 0; j < dropIns.Length; j++)
        {
            dropIns[j] = new Ignition2DropIn(unit.DropIns[j].Name, unit.DropIns[j].Content);
        }

        return dropIns;
    }

    private static Ignition2File UnitFile(string path, string text) =>
        new(path, System.Text.Encoding.UTF8.GetBytes(text)) { Mode = OscNormalizer.DefaultMode, Unencoded = true, UserId = Root, GroupId = Root };
}
