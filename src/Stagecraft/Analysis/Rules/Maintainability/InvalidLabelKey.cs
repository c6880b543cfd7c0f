using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG261: a LABEL key outside Docker's key format or in a namespace Docker reserves.</summary>
public sealed class InvalidLabelKey : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG261", "invalid-label-key",
        "LABEL key outside Docker's key format", Severity.Style, RuleCategory.Maintainability, ["DL3048"]);

    private static readonly string[] ReservedNamespaces = ["com.docker.", "io.docker.", "org.dockerproject."];

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "LABEL keys (ONBUILD LABELs included; ARG and ENV values filled in) that do not start with a lower-case letter, do not end with a lower-case letter or digit, use characters other than `a-z`, `0-9`, `.`, `-`, `_` and `/`, repeat `.` or `-` (`..`, `--`), or sit in the namespaces Docker reserves for itself (`com.docker.`, `io.docker.`, `org.dockerproject.`). Keys that depend on a variable without a value are left alone.",
        WhyItMatters: "Docker's label guidelines ask for lower-case, reverse-DNS keys so that tools can find labels by exact name: `Maintainer` and `maintainer` are different labels, and a key in Docker's own namespaces may clash with what Docker writes.",
        Bad: "LABEL Maintainer=\"team@example.com\" com.docker.version=1",
        Good: "LABEL org.opencontainers.image.authors=\"team@example.com\" com.example.version=1",
        FixSafety: "No automatic fix: renaming a label changes what anything reading it finds.");

    public override void Check(RuleContext context)
    {
        foreach (var label in Labels.In(context.Model.Stages, triggers: true))
        {
            if (Labels.Key(context.Model, label) is not { Length: > 0 } key || Problem(key) is not { } problem)
                continue;
            context.Report(label.Pair.KeySpan, $"label key `{key}` {problem}", label.Stage);
        }
    }

    private static string? Problem(string key)
    {
        foreach (var reserved in ReservedNamespaces)
        {
            if (key.StartsWith(reserved, StringComparison.Ordinal))
                return $"is in the `{reserved}` namespace Docker reserves: use your own reverse-DNS prefix";
        }
        foreach (var c in key)
        {
            if (char.IsAsciiLetterUpper(c))
                return "has upper-case letters: label keys are lower-case by convention, and tools match them exactly";
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('.' or '-' or '_' or '/'))
                return $"has `{c}`: use only a-z, 0-9, `.`, `-`, `_` and `/`";
        }
        if (!char.IsAsciiLetterLower(key[0]))
            return "should start with a lower-case letter";
        if (!char.IsAsciiLetterLower(key[^1]) && !char.IsAsciiDigit(key[^1]))
            return "should end with a lower-case letter or a digit";
        if (key.Contains("..", StringComparison.Ordinal) || key.Contains("--", StringComparison.Ordinal))
            return "repeats `.` or `-`: separate the parts of a key with a single one";
        return null;
    }
}
