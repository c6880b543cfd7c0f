using System.Text.RegularExpressions;

namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// How rule codes in hadolint's settings are read. Our ids, aliases and names resolve as in <c>.stagecraft.yaml</c>; a
/// well-formed hadolint (<c>DL3008</c>) or ShellCheck (<c>SC2086</c>) code that no rule of ours answers to is kept
/// rather than refused, because hadolint files name checks we may not have (yet); anything else is a typo.
/// </summary>
internal static partial class HadolintRuleCodes
{
    [GeneratedRegex("^(?:DL|SC)[0-9]{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignCode();

    /// <summary>The code to store, or null when <paramref name="code"/> is no rule code at all.</summary>
    /// <param name="unknown">True for a DL code no rule of ours answers to. (Which SC codes exist is up to ShellCheck, so those never count.)</param>
    public static string? Resolve(string code, IReadOnlyList<Rule> rules, out bool unknown)
    {
        unknown = false;
        var trimmed = code.Trim();
        if (RuleLookup.Canonical(trimmed, rules) is { } canonical)
            return canonical;
        if (!ForeignCode().IsMatch(trimmed))
            return null;
        unknown = trimmed.StartsWith("DL", StringComparison.OrdinalIgnoreCase);
        return trimmed.ToUpperInvariant();
    }

    /// <summary>The one-line note for codes no rule checks, e.g. <c>.hadolint.yaml: no Stagecraft rule checks DL3005 or DL4002 yet</c>.</summary>
    public static string? UnknownNote(string source, IEnumerable<string> codes)
    {
        var distinct = codes.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (distinct.Length == 0)
            return null;
        var list = distinct.Length == 1 ? distinct[0] : string.Join(", ", distinct[..^1]) + " or " + distinct[^1];
        return $"{source}: no Stagecraft rule checks {list} yet";
    }
}
