namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// Parser and build errors become findings of this rule, so a broken Dockerfile shows up in every report format
/// with its position. The engine reports it from the tree's diagnostics; it has no check of its own.
/// </summary>
public sealed class DockerfileSyntaxError : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG000", "dockerfile-syntax",
        "The Dockerfile cannot be built as written", Severity.Error, RuleCategory.Correctness, ["DL3023", "DL3024"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Syntax errors and build errors that BuildKit itself refuses: malformed JSON arrays, unknown instructions or flags, unterminated heredocs, duplicate or invalid stage names, `--from` naming no stage.",
        WhyItMatters: "The build fails before it starts. Other rules still run on what could be read, but their findings may be incomplete until this is fixed.",
        Bad: "FROM alpine AS build\nCOPY --from=bulid /app /app",
        Good: "FROM alpine AS build\nCOPY --from=build /app /app",
        FixSafety: "No automatic fix.",
        Options: "Two of these errors are hadolint checks too and answer to their codes: `COPY --from` naming its own stage (DL3023) and two stages with one name (DL3024).");

    public override void Check(RuleContext context)
    {
        foreach (var diagnostic in context.Tree.Diagnostics.Concat(context.Model.Diagnostics))
        {
            context.Report(diagnostic.Span, diagnostic.Message,
                severity: diagnostic.Severity == Syntax.DiagnosticSeverity.Error ? Severity.Error : Severity.Warning, aliases: HadolintAlias(diagnostic));
        }
    }

    /// <summary>The hadolint check that flags the same error, matched on the semantic model's wording (tests pin it).</summary>
    private static string[] HadolintAlias(Syntax.SyntaxDiagnostic diagnostic) => diagnostic.Code switch
    {
        "invalid-build" when diagnostic.Message.EndsWith(" copies from itself", StringComparison.Ordinal) => ["DL3023"],
        "invalid-build" when diagnostic.Message.StartsWith("duplicate stage name ", StringComparison.Ordinal) => ["DL3024"],
        _ => [],
    };
}
