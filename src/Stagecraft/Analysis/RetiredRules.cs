namespace Stagecraft.Analysis;

/// <summary>
/// Rules of earlier versions that were folded into another rule's findings. Their ids and names stay valid wherever a
/// rule code is accepted and mean the code those findings carry now, so configurations, comments and scripts written
/// for them keep acting on the same findings. Findings never carry these ids.
/// </summary>
public static class RetiredRules
{
    /// <summary>Every retired rule, in id order. An id here is never given to a new rule.</summary>
    public static IReadOnlyList<RetiredRule> All { get; } =
    [
        new("STG217", "command-not-in-exec-form", "DL3025"),
        new("STG221", "from-platform-fixed", "DL3029"),
        new("STG257", "env-uses-variable-it-sets", "DL3044"),
        new("STG273", "stage-name-reserved-word", "DL3063"),
        new("STG278", "maintainer-instruction", "DL4000"),
    ];

    /// <summary>The retired rule <paramref name="code"/> names by id or name (case-insensitive), or null.</summary>
    public static RetiredRule? Find(string code) =>
        All.FirstOrDefault(r => r.Id.Equals(code, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The code to match findings against: what a retired rule's id or name now means, else <paramref name="code"/> itself.</summary>
    public static string Current(string code) => Find(code)?.Code ?? code;

    /// <summary>The retired rules whose findings a rule now reports (their code is one of its aliases).</summary>
    public static IEnumerable<RetiredRule> MergedInto(RuleDescriptor rule) =>
        All.Where(r => rule.Aliases.Contains(r.Code, StringComparer.OrdinalIgnoreCase));
}

/// <summary>A rule that no longer exists on its own.</summary>
/// <param name="Id">Its old id, e.g. <c>STG217</c>.</param>
/// <param name="Name">Its old kebab-case name.</param>
/// <param name="Code">The alias its findings carry now, on the rule it was folded into (hadolint's code, which it answered to).</param>
public sealed record RetiredRule(string Id, string Name, string Code);
