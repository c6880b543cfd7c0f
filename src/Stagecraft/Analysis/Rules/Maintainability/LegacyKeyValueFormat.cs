using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG111: <c>ENV key value</c> or <c>LABEL key value</c> without '='; BuildKit's LegacyKeyValueFormat.</summary>
public sealed class LegacyKeyValueFormat : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG111", "legacy-key-value-format",
        "ENV or LABEL in the legacy `key value` form", Severity.Warning, RuleCategory.Maintainability, ["LegacyKeyValueFormat"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`ENV key value` and `LABEL key value`: a key, white space, and the rest of the line as the value, with no `=`. ONBUILD triggers are checked too. BuildKit's `LegacyKeyValueFormat` check.",
        WhyItMatters: "The legacy form is deprecated. It sets a single variable to everything after the key, so `ENV A 1 B 2` sets A to `1 B 2` rather than two variables, and it cannot be mixed with `key=value` pairs. The `key=value` form is what the rest of the Dockerfile reference uses.",
        Bad: "FROM eclipse-temurin:21-jre\nENV JAVA_OPTS -Xmx512m -XX:+UseG1GC",
        Good: "FROM eclipse-temurin:21-jre\nENV JAVA_OPTS=\"-Xmx512m -XX:+UseG1GC\"",
        FixSafety: "Safe, when the value is on one line: writes `key=value`, adding double quotes when the value has blanks and no quotes or backslashes of its own (the value expands the same way in both forms). Multi-line values are reported without a fix.");

    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Tree.Root.Instructions)
        {
            Inspect(context, instruction);
            if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger })
                Inspect(context, trigger);
        }
    }

    private static void Inspect(RuleContext context, InstructionSyntax instruction)
    {
        if (instruction is not KeyValueInstructionSyntax { IsLegacyForm: true } pairs)
            return;
        var pair = pairs.Pairs[0];
        var keyword = instruction.Keyword.ToUpperInvariant();
        var rewritten = Rewrite(context.Tree, pair);
        var shown = rewritten is not null && rewritten.Length <= 60 ? rewritten : pair.Key + "=…";
        context.Report(pair.Span, $"`{keyword} {pair.Key} …` uses the deprecated space-separated form: write `{keyword} {shown}`",
            fix: rewritten is null ? null : new Fix($"Write `{keyword} {pair.Key}=…`", FixSafety.Safe, [new TextEdit(pair.Span, rewritten)]));
    }

    /// <summary><c>key=value</c> that expands to the same value, or null when the value spans lines or would need escaping.</summary>
    private static string? Rewrite(SyntaxTree tree, KeyValueSyntax pair)
    {
        var value = pair.Value;
        if (value.Length == 0 || tree.Source.GetBytes(pair.Span).Contains((byte)'\n'))
            return null;
        if (IsOneWord(value))
            return pair.Key + "=" + value;
        return value.AsSpan().IndexOfAny("\"'\\`") < 0 ? pair.Key + "=\"" + value + "\"" : null;
    }

    /// <summary>True when the value reads as one word as written: no blank, backslash or backtick outside quotes, and every quote closed.</summary>
    private static bool IsOneWord(string value)
    {
        char quote = '\0';
        foreach (var c in value)
        {
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c is ' ' or '\t' or '\\' or '`')
                return false;
        }
        return quote == '\0';
    }
}
