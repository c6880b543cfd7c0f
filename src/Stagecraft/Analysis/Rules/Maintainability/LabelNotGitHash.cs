using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG268: a label the schema types as <c>hash</c> holds something other than a git commit hash.</summary>
public sealed class LabelNotGitHash : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG268", "label-not-git-hash",
        "Label typed `hash` by the label schema is not a git commit hash", Severity.Warning, RuleCategory.Maintainability, ["DL3055"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A LABEL (ONBUILD LABELs included) whose key the configured `label-schema` types as `hash` and whose value is not a git commit hash as git prints it: 7 to 40 lower-case hex digits (a full SHA-1 or an abbreviation), or 64 for SHA-256 repositories. hadolint accepts only exactly 7 or 40 digits; abbreviations of other lengths (`git rev-parse --short=12`) are accepted here. Values from variables (the usual `$GIT_COMMIT`) and empty values (STG264) are left alone.",
        WhyItMatters: "`org.opencontainers.image.revision` links an image to the commit it was built from; a branch name or a `v1.2` tag in its place does not identify a commit.",
        Bad: "# label-schema: {org.opencontainers.image.revision: hash}\nLABEL org.opencontainers.image.revision=main",
        Good: "ARG GIT_COMMIT\nLABEL org.opencontainers.image.revision=$GIT_COMMIT",
        FixSafety: "No automatic fix.",
        Options: Labels.SchemaOption("hash"));

    public override void Check(RuleContext context)
    {
        foreach (var (label, key, value) in Labels.OfKind(context, "hash"))
        {
            if (!IsCommitHash(value))
                context.Report(label.Pair.ValueSpan, $"label `{key}` should be a git commit hash (7 to 40 lower-case hex digits), not `{value}`", label.Stage);
        }
    }

    private static bool IsCommitHash(string value)
    {
        if (value.Length is < 7 or > 40 and not 64)
            return false;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && c is < 'a' or > 'f')
                return false;
        }
        return true;
    }
}
