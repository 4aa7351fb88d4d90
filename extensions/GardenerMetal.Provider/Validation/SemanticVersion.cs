using System.Globalization;

namespace GardenerMetal.Provider.Validation;

/// <summary>A lenient semantic version (optional <c>v</c>, 1–3 numeric parts, optional pre-release and build), as Masterminds/semver accepts.</summary>
internal sealed record SemanticVersion(long Major, long Minor, long Patch, string PreRelease) : IComparable<SemanticVersion>
{
    public static SemanticVersion? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var s = text.StartsWith('v') ? text[1..] : text;
        var plus = s.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            s = s[..plus];
        }

        var pre = string.Empty;
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            pre = s[(dash + 1)..];
            s = s[..dash];
            if (pre.Length == 0)
            {
                return null;
            }
        }

        var parts = s.Split('.');
        if (parts.Length is < 1 or > 3)
        {
            return null;
        }

        var numbers = new long[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit) || !long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new SemanticVersion(numbers[0], numbers[1], numbers[2], pre);
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        c = c != 0 ? c : Minor.CompareTo(other.Minor);
        c = c != 0 ? c : Patch.CompareTo(other.Patch);
        if (c != 0)
        {
            return c;
        }

        if (PreRelease.Length == 0 || other.PreRelease.Length == 0)
        {
            return PreRelease.Length == other.PreRelease.Length ? 0 : PreRelease.Length == 0 ? 1 : -1;
        }

        var left = PreRelease.Split('.');
        var right = other.PreRelease.Split('.');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumeric = long.TryParse(left[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ln);
            var rightNumeric = long.TryParse(right[i], NumberStyles.None, CultureInfo.InvariantCulture, out var rn);
            c = (leftNumeric, rightNumeric) switch
            {
                (true, true) => ln.CompareTo(rn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (c != 0)
            {
                return c;
            }
        }

        return left.Length.CompareTo(right.Length);
    }
}
