using System.Globalization;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>A release number with up to three parts; <see cref="Parts"/> says how many were written (<c>3.12</c> has two).</summary>
internal readonly record struct ReleaseVersion(int Major, int Minor, int Patch, int Parts)
{
    public override string ToString() => Parts switch
    {
        1 => $"{Major}",
        2 => $"{Major}.{Minor}",
        _ => $"{Major}.{Minor}.{Patch}",
    };

    /// <summary>Reads <c>22</c>, <c>v22.1</c>, <c>3.12.1</c>, <c>go1.22.3</c>, <c>3.11.x</c>/<c>3.11.*</c> (a wildcard ends it); null otherwise.</summary>
    public static ReleaseVersion? Parse(string text)
    {
        var value = text.Trim();
        if (value.StartsWith("go", StringComparison.Ordinal))
            value = value[2..];
        value = value.TrimStart('v', 'V');
        var parts = new List<int>(3);
        foreach (var piece in value.Split('.'))
        {
            if (piece is "x" or "X" or "*")
                break;
            // "3.12.0rc1", "1.22rc2": the release the pre-release leads to is what a base image tag can name.
            var digits = piece.TakeWhile(char.IsAsciiDigit).ToArray();
            if (digits.Length == 0 || parts.Count == 3 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                return null;
            parts.Add(number);
            if (digits.Length != piece.Length)
                break;
        }
        return parts.Count == 0 ? null : new ReleaseVersion(parts[0], parts.Count > 1 ? parts[1] : 0, parts.Count > 2 ? parts[2] : 0, parts.Count);
    }

    /// <summary>Compares on the parts <paramref name="other"/> has written: 3.12.11 and 3.12 compare equal.</summary>
    public int ComparePrefix(ReleaseVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c != 0 || other.Parts == 1)
            return c;
        c = Minor.CompareTo(other.Minor);
        return c != 0 || other.Parts == 2 ? c : Patch.CompareTo(other.Patch);
    }
}
