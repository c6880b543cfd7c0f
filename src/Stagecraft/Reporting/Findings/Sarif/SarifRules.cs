using System.Text;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting.Findings.Sarif;

/// <summary>
/// SARIF <c>rules[]</c> from rule descriptors and explanations. GitHub shows <c>help.markdown</c> on every alert and
/// ignores <c>helpUri</c>, so the whole explanation goes into the help.
/// </summary>
internal static class SarifRules
{
    public static SarifRule From(Rule rule) => From(rule.Descriptor, rule.Explanation);

    /// <summary>A rule entry from its descriptor alone (its explanation unknown), for findings of rules outside the run's list.</summary>
    public static SarifRule From(RuleDescriptor descriptor, RuleExplanation? explanation = null) => new(
        descriptor.Id,
        descriptor.Name,
        new SarifText(descriptor.Title),
        new SarifText(explanation?.Flags ?? descriptor.Title),
        new SarifText(HelpText(descriptor, explanation), HelpMarkdown(descriptor, explanation)),
        descriptor.HelpUri,
        new SarifConfiguration(Level(descriptor.DefaultSeverity)),
        new SarifRuleProperties(Tags(descriptor), descriptor.Category == RuleCategory.Security ? SecuritySeverity(descriptor.DefaultSeverity) : null));

    /// <summary>SARIF levels: info and style are both <c>note</c>.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>GitHub's scale: 9.0+ critical, 7.0–8.9 high, 4.0–6.9 medium, below that low.</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Error => "8.0",
        Severity.Warning => "6.0",
        Severity.Info => "4.0",
        _ => "2.0",
    };

    private static string[] Tags(RuleDescriptor descriptor) => [descriptor.Category.ToString().ToLowerInvariant(), "dockerfile"];

    private static string HelpText(RuleDescriptor descriptor, RuleExplanation? explanation)
    {
        var text = new StringBuilder();
        if (explanation is null)
        {
            text.Append(descriptor.Title).Append('\n');
        }
        else
        {
            text.Append(explanation.Flags).Append("\n\n");
            text.Append("Why it matters: ").Append(explanation.WhyItMatters).Append("\n\n");
            text.Append("Example:\n").Append(Indent(explanation.Bad)).Append("\n\n");
            text.Append("Prefer:\n").Append(Indent(explanation.Good)).Append("\n\n");
            text.Append("Fix: ").Append(explanation.FixSafety).Append('\n');
            if (explanation.Options is { } options)
                text.Append("\nOptions: ").Append(options).Append('\n');
        }
        if (descriptor.Aliases.Count > 0)
            text.Append("\nAlso answers to: ").AppendJoin(", ", descriptor.Aliases).Append('\n');
        text.Append('\n').Append(descriptor.HelpUri);
        return text.ToString();
    }

    private static string HelpMarkdown(RuleDescriptor descriptor, RuleExplanation? explanation)
    {
        var markdown = new StringBuilder();
        if (explanation is null)
        {
            markdown.Append(descriptor.Title).Append("\n\n");
        }
        else
        {
            markdown.Append(explanation.Flags).Append("\n\n");
            markdown.Append("**Why it matters.** ").Append(explanation.WhyItMatters).Append("\n\n");
            markdown.Append("**Example**\n\n").Append(CodeBlock(explanation.Bad)).Append("\n\n");
            markdown.Append("**Prefer**\n\n").Append(CodeBlock(explanation.Good)).Append("\n\n");
            markdown.Append("**Fix.** ").Append(explanation.FixSafety).Append("\n\n");
            if (explanation.Options is { } options)
                markdown.Append("**Options.** ").Append(options).Append("\n\n");
        }
        if (descriptor.Aliases.Count > 0)
            markdown.Append("Also answers to: ").AppendJoin(", ", descriptor.Aliases.Select(a => $"`{a}`")).Append(".\n\n");
        markdown.Append($"[{descriptor.Id} {descriptor.Name}]({descriptor.HelpUri})");
        return markdown.ToString();
    }

    private static string Indent(string code) => string.Join('\n', code.ReplaceLineEndings("\n").Split('\n').Select(line => "    " + line));

    /// <summary>A fenced block whose fence is longer than any backtick run in the code.</summary>
    private static string CodeBlock(string code)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}dockerfile\n{code.ReplaceLineEndings("\n").TrimEnd('\n')}\n{fence}";
    }
}
