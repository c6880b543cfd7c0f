using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>
/// Runs rules over one Dockerfile (rules that are off by default only when enabled), then applies configuration, inline
/// suppressions and BuildKit's <c># check=</c> directives centrally (rules report what they see), and sorts the findings by position.
/// </summary>
public sealed class Linter
{
    // An array: the loop below runs once per rule per file, and an interface enumerator costs two dispatches a step.
    private readonly Rule[] _rules;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<LintConfiguration, (Rule Rule, bool OnlyIfDirectiveEnables)[]> _selections = new();

    public Linter(IReadOnlyList<Rule>? rules = null) => _rules = [.. rules ?? RuleCatalog.All];

    public static Linter Default { get; } = new();

    public IReadOnlyList<Finding> Lint(SyntaxTree tree, string path, BuildContext? context = null, LintConfiguration? configuration = null,
        BuildSettings? settings = null)
    {
        configuration ??= LintConfiguration.Default;
        var model = SemanticModel.Build(tree, settings);
        var raw = new List<Finding>();
        var ruleContext = new RuleContext(model, path, context ?? BuildContext.None, configuration, raw);
        var checks = CheckDirectives.From(tree);
        foreach (var (rule, onlyIfDirectiveEnables) in _selections.GetValue(configuration, Select))
        {
            if (onlyIfDirectiveEnables && !checks.MayEnable(rule.Descriptor))
                continue;
            ruleContext.Rule = rule;
            rule.Check(ruleContext);
        }

        var suppressions = configuration.AllowInlineIgnores ? InlineSuppressions.From(tree) : null;
        var findings = new List<Finding>(raw.Count);
        foreach (var finding in raw)
        {
            if (configuration.Ignored.Contains(finding.Rule.Id) || AnyIn(finding.Aliases, configuration.Ignored))
                continue;
            if (suppressions?.Suppresses(finding) == true)
                continue;
            if (checks.Apply(finding, IsEnabled(finding.Rule, configuration)) is not { } checkedFinding)
                continue;
            findings.Add(WithOverride(checkedFinding, configuration));
        }
        findings.SortInPlace((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Rule.Id, b.Rule.Id));
        return findings;
    }

    /// <summary>
    /// The rules a configuration lets run, in catalog order, each marked when only a <c># check=experimental=…</c>
    /// directive in the file can turn it on. Kept per configuration instance: a run lints every file with one or a few.
    /// </summary>
    private (Rule Rule, bool OnlyIfDirectiveEnables)[] Select(LintConfiguration configuration) =>
    [
        .. from rule in _rules
           where !IsIgnored(rule.Descriptor, configuration)
           select (rule, !rule.Descriptor.EnabledByDefault && !IsEnabled(rule.Descriptor, configuration)),
    ];

    /// <summary>A rule is skipped only when its id is ignored; an ignored alias drops just the findings it applies to.</summary>
    private static bool IsIgnored(RuleDescriptor rule, LintConfiguration configuration) => configuration.Ignored.Contains(rule.Id);

    /// <summary>
    /// An off-by-default rule runs when the configuration enables its id or an alias, or gives it a severity: hadolint
    /// turns on its rules that default to <c>ignore</c> (DL3057) the same way, with <c>override:</c>.
    /// </summary>
    private static bool IsEnabled(RuleDescriptor rule, LintConfiguration configuration) =>
        rule.EnabledByDefault || configuration.Enabled.Contains(rule.Id) || AnyIn(rule.Aliases, configuration.Enabled)
        || configuration.SeverityOverrides.ContainsKey(rule.Id) || rule.Aliases.Any(configuration.SeverityOverrides.ContainsKey);

    private static bool AnyIn(IReadOnlyList<string> codes, IReadOnlySet<string> set)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (set.Contains(codes[i]))
                return true;
        }
        return false;
    }

    private static Finding WithOverride(Finding finding, LintConfiguration configuration)
    {
        if (configuration.SeverityOverrides.TryGetValue(finding.Rule.Id, out var severity))
            return finding with { Severity = severity };
        foreach (var alias in finding.Aliases)
        {
            if (configuration.SeverityOverrides.TryGetValue(alias, out severity))
                return finding with { Severity = severity };
        }
        return finding;
    }
}
