using System.Text;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting;

/// <summary>
/// The pages of docs/rules/, made from each rule's descriptor and explanation: <c>stagecraft explain</c> prints the
/// same text, and a test fails when the committed pages drift from these.
/// </summary>
public static class RuleDocs
{
    /// <summary>The folder, relative to the repository root, that holds the pages.</summary>
    public const string Folder = "docs/rules";

    /// <summary>How to regenerate the pages; written at the top of each.</summary>
    public const string RegenerateHint = "STAGECRAFT_UPDATE_DOCS=1 dotnet test Stagecraft.slnx";

    public static string CategoryName(RuleCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>The file name of a rule's page.</summary>
    public static string FileName(RuleDescriptor rule) => rule.Id + ".md";

    /// <summary>A rule's page in Markdown.</summary>
    public static string Page(Rule rule)
    {
        var d = rule.Descriptor;
        var e = rule.Explanation;
        var page = new StringBuilder();
        var source = SourceFile(d);
        page.Append("<!-- Generated from ").Append(source ?? "the rule's descriptor")
            .Append(" by `").Append(RegenerateHint).Append("`; edit the rule, not this page. -->\n");
        page.Append("# ").Append(d.Id).Append(": ").Append(d.Name).Append("\n\n");
        page.Append("**").Append(d.Title).Append("**\n\n");
        page.Append("| Default severity | Category | Aliases |\n| --- | --- | --- |\n");
        page.Append("| ").Append(SeverityCell(d)).Append(" | ").Append(CategoryName(d.Category)).Append(" | ")
            .Append(d.DisplayAliases.Any() ? string.Join(", ", d.DisplayAliases.Select(a => "`" + a + "`")) : "none").Append(" |\n\n");
        foreach (var retired in RetiredRules.MergedInto(d))
            page.Append("Formerly also ").Append(retired.Id).Append(" (`").Append(retired.Name).Append("`), merged into this rule: that id still works ")
                .Append("wherever an id does and means this rule's `").Append(retired.Code).Append("` findings.\n\n");
        Section(page, "What it flags", e.Flags);
        Section(page, "Why it matters", e.WhyItMatters);
        Code(page, "Example", e.Bad);
        Code(page, "Prefer", e.Good);
        Section(page, "Fix safety", e.FixSafety);
        Section(page, "Options", e.Options ?? "None.");
        if (!d.EnabledByDefault)
        {
            var alias = d.Aliases.FirstOrDefault(a => !a.StartsWith("DL", StringComparison.Ordinal));
            Section(page, "Turning it on",
                $"This rule is off by default. For one run, pass `--enable {d.Id}`" +
                (alias is null ? "." : $"; for one Dockerfile, add the BuildKit directive `# check=experimental={alias}` at its top (or above one instruction)."));
        }
        Section(page, "Turning it off",
            $"For one instruction, put `# stagecraft ignore={d.Id}` on the line above it (`# stagecraft stage ignore={d.Id}` for the rest of a stage, " +
            $"`# stagecraft global ignore={d.Id}` for the whole file). For a project, list it in `.stagecraft.yaml` under `ignored: [{d.Id}]`, " +
            $"or change its severity with `override: {{info: [{d.Id}]}}`; for one run, pass `--ignore {d.Id}`.");
        if (source is not null)
            page.Append("Source: [`").Append(source).Append("`](../../").Append(source).Append(")\n");
        return page.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The line <c>stagecraft explain</c> puts above the page when asked for a retired rule's id or name.</summary>
    public static string MergedNote(RetiredRule retired, RuleDescriptor rule) =>
        $"{retired.Id} ({retired.Name}) was merged into {rule.Id} ({rule.Name}): it now means this rule's {retired.Code} findings.";

    /// <summary>docs/rules/README.md: one table row per rule, linking to its page.</summary>
    public static string Index(IReadOnlyList<Rule> rules)
    {
        var page = new StringBuilder();
        page.Append("<!-- Generated from the rule descriptors by `").Append(RegenerateHint).Append("`; do not edit. -->\n");
        page.Append("# Rules\n\n");
        page.Append("Every rule Stagecraft checks. `stagecraft rules` prints this list; `stagecraft explain ID` prints a rule's page. ")
            .Append("Ids, aliases and names all work in `--ignore`, `.stagecraft.yaml` and `# stagecraft ignore=` comments; ")
            .Append("BuildKit's check names (aliases such as `UndefinedVar`) also work in BuildKit's own `# check=skip=…` directive ")
            .Append("(see [lint.md](../lint.md#buildkits-check-directive)).\n\n");
        page.Append("| Id | Name | Severity | Category | Aliases | Title |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var rule in rules)
        {
            var d = rule.Descriptor;
            page.Append("| [").Append(d.Id).Append("](").Append(FileName(d)).Append(") | ").Append(d.Name).Append(" | ")
                .Append(SeverityCell(d)).Append(" | ").Append(CategoryName(d.Category)).Append(" | ")
                .Append(string.Join(", ", d.DisplayAliases)).Append(" | ").Append(d.Title.Replace("|", "\\|")).Append(" |\n");
        }
        var merged = RetiredRules.All
            .Select(r => (Retired: r, Into: rules.FirstOrDefault(rule => rule.Descriptor.Aliases.Contains(r.Code, StringComparer.OrdinalIgnoreCase))))
            .Where(m => m.Into is not null).ToArray();
        if (merged.Length > 0)
        {
            page.Append("\nIds of rules that were merged into another still work wherever an id does, and mean the code their findings carry now ")
                .Append("(see [configuration.md](../configuration.md#retired-rule-ids)): ")
                .Append(string.Join(", ", merged.Select(m => $"{m.Retired.Id} is {m.Retired.Code} of [{m.Into!.Descriptor.Id}]({FileName(m.Into.Descriptor)})")))
                .Append(".\n");
        }
        return page.ToString();
    }

    private static string SeverityCell(RuleDescriptor rule) =>
        Severities.Name(rule.DefaultSeverity) + (rule.EnabledByDefault ? "" : " (off by default)");

    /// <summary>The declaring file relative to the repository (<c>src/Stagecraft/…</c>), or null when the build recorded another layout.</summary>
    private static string? SourceFile(RuleDescriptor rule)
    {
        var path = rule.DeclaringFile.Replace('\\', '/');
        var at = path.LastIndexOf("/src/Stagecraft/", StringComparison.Ordinal);
        return at < 0 ? null : path[(at + 1)..];
    }

    private static void Section(StringBuilder page, string heading, string body) =>
        page.Append("## ").Append(heading).Append("\n\n").Append(body.Trim()).Append("\n\n");

    private static void Code(StringBuilder page, string heading, string code) =>
        page.Append("## ").Append(heading).Append("\n\n```dockerfile\n").Append(code.Trim('\n')).Append("\n```\n\n");
}
