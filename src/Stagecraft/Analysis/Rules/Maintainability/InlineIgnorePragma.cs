using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG200: an inline <c># hadolint ignore=…</c> (or <c># stagecraft ignore=…</c>) comment. Off unless a team asks for it.</summary>
public sealed class InlineIgnorePragma : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG200", "inline-ignore-pragma",
        "Inline ignore comment silences a finding", Severity.Info, RuleCategory.Maintainability, ["DL1001"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Comments of the form `# hadolint ignore=…` or `# stagecraft ignore=…` that silence findings on the next instruction. `stage ignore=` and `global ignore=` comments and `shell=` comments are not reported. The rule is off by default, as in hadolint: it runs only when the configuration gives it a severity (`override: {warning: [DL1001]}` in `.hadolint.yaml`, or `override:` in `.stagecraft.yaml`).",
        WhyItMatters: "Teams that want every exception to be reviewed in one place keep suppressions in the configuration file, where they are visible in one diff; inline comments scatter them across Dockerfiles and outlive the reason they were added.",
        Bad: "FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl",
        Good: "# .hadolint.yaml\nignored:\n  - DL3008",
        FixSafety: "No automatic fix: moving the suppression into the configuration widens it to every file.",
        Options: "Enable it by giving it a severity under `override` (hadolint's way of turning on a rule whose default is `ignore`).");

    public override void Check(RuleContext context)
    {
        if (!Requested(context.Configuration))
            return;
        foreach (var child in context.Tree.Root.Children)
        {
            if (child is not CommentSyntax comment || CommentPragma.Parse(comment) is not { Kind: PragmaKind.Ignore } pragma)
                continue;
            var tool = comment.Text.TrimStart().StartsWith("hadolint", StringComparison.OrdinalIgnoreCase) ? "hadolint" : "stagecraft";
            context.Report(comment.CommentSpan,
                $"inline `# {tool} ignore={string.Join(",", pragma.Codes)}` silences findings here: list the exception in the configuration file instead");
        }
    }

    /// <summary>hadolint's default severity for this check is <c>ignore</c>: it runs once the configuration names a severity for it.</summary>
    private static bool Requested(LintConfiguration configuration)
    {
        if (configuration.SeverityOverrides.ContainsKey(Id.Id))
            return true;
        foreach (var alias in Id.Aliases)
        {
            if (configuration.SeverityOverrides.ContainsKey(alias))
                return true;
        }
        return false;
    }
}
