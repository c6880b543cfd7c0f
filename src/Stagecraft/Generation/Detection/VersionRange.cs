using System.Globalization;
using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Generation.Detection;

/// <summary>
/// A version requirement as package manifests write it: npm ranges (<c>&gt;=18</c>, <c>^20.1</c>, <c>18.x || 20.x</c>,
/// <c>18 - 20</c>) and Python specifiers (<c>&gt;=3.10,&lt;3.13</c>, <c>~=3.11</c>, <c>^3.11</c> from Poetry). Enough to
/// choose a release line, not a full implementation of either grammar.
/// </summary>
internal sealed class VersionRange
{
    private readonly List<List<(string Operator, ReleaseVersion Version)>> _alternatives;

    private VersionRange(List<List<(string, ReleaseVersion)>> alternatives) => _alternatives = alternatives;

    /// <summary>The range, or null when a part cannot be read.</summary>
    public static VersionRange? Parse(string text)
    {
        var alternatives = new List<List<(string, ReleaseVersion)>>();
        foreach (var alternative in text.Split("||"))
        {
            var comparators = new List<(string, ReleaseVersion)>();
            var words = alternative.Replace(",", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                if (i + 2 < words.Length && words[i + 1] == "-")
                {
                    // A hyphen range: "18 - 20" is >=18 and <=20.
                    if (ReleaseVersion.Parse(words[i]) is not { } low || ReleaseVersion.Parse(words[i + 2]) is not { } high)
                        return null;
                    comparators.Add((">=", low));
                    comparators.Add(("<=", high));
                    i += 2;
                    continue;
                }
                if (words[i] is "*" or "x" or "X" or "latest")
                    continue;
                var op = new string(words[i].TakeWhile(c => c is '<' or '>' or '=' or '^' or '~' or '!').ToArray());
                var rest = words[i][op.Length..];
                if (rest.Length == 0 && i + 1 < words.Length)
                    rest = words[++i]; // ">= 18"
                if (ReleaseVersion.Parse(rest) is not { } version)
                    return null;
                comparators.Add((op, version));
            }
            alternatives.Add(comparators);
        }
        return new VersionRange(alternatives);
    }

    public bool Allows(ReleaseVersion candidate) => _alternatives.Any(all => all.All(c => Allows(c.Operator, c.Version, candidate)));

    private static bool Allows(string op, ReleaseVersion bound, ReleaseVersion v) => op switch
    {
        ">=" => v.ComparePrefix(bound) >= 0,
        ">" => v.ComparePrefix(bound) > 0,
        "<" => v.ComparePrefix(bound) < 0,
        "<=" => v.ComparePrefix(bound) <= 0,
        "!=" => v.ComparePrefix(bound) != 0,
        // ^1.2.3: at least that, same major; ~=3.11: at least that, same everything but the last written part.
        "^" => v.ComparePrefix(bound) >= 0 && v.Major == bound.Major,
        // ~> is Ruby's spelling of the same pessimistic bound.
        "~=" or "~>" => v.ComparePrefix(bound) >= 0 && v.ComparePrefix(bound with { Parts = Math.Max(1, bound.Parts - 1) }) == 0,
        // ~1.2: at least that, same major and minor (same major when only the major is written).
        "~" => v.ComparePrefix(bound) >= 0 && v.ComparePrefix(bound with { Parts = Math.Min(bound.Parts, 2) }) == 0,
        _ => v.ComparePrefix(bound) == 0, // "", "=", "==", with or without a wildcard
    };
}
