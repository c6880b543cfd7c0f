namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// Parser and build errors become findings of this rule, so a broken Dockerfile shows up in every report format
/// with its position. The engine reports it from the tree's diagnostics; it has no check of its own.
/// </summary>
public sealed class DockerfileSyntaxError : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG000", "dockerfile-syntax",
        "The Dockerfile cannot be built as written", Severity.Error, RuleCategory.Correctness, [EmptyContinuation, "DL3023", "DL3043", "DL3061"]);

    /// <summary>BuildKit's name for its empty-continuation warning; only those findings carry it.</summary>
    private const string EmptyContinuation = "NoEmptyContinuation";

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Syntax errors and build errors that BuildKit itself refuses: malformed JSON arrays, unknown instructions or flags, unterminated heredocs, invalid stage names, `--from` naming no stage, an unreadable `# check=` directive. Also, as warnings, what BuildKit accepts for now but has announced it will refuse: blank lines inside a continued instruction (BuildKit's `NoEmptyContinuation` check; only those findings carry that alias) and bytes that are not UTF-8.",
        WhyItMatters: "The build fails before it starts. Other rules still run on what could be read, but their findings may be incomplete until this is fixed. An empty continuation line is accepted today with a warning, but a future BuildKit release will reject the file; a comment line in its place is fine.",
        Bad: "FROM alpine AS build\nCOPY --from=bulid /app /app",
        Good: "FROM alpine AS build\nCOPY --from=build /app /app",
        FixSafety: "No automatic fix.",
        Options: "Three of these errors are hadolint checks too and answer to their codes: `COPY --from` naming its own stage (DL3023), ONBUILD with ONBUILD, FROM or MAINTAINER as its trigger (DL3043), and an instruction other than ARG before the first FROM (DL3061). Two stages with one name (DL3024) is STG103.");

    public override void Check(RuleContext context)
    {
        foreach (var diagnostic in context.Tree.Diagnostics.Concat(context.Model.Diagnostics))
        {
            context.Report(diagnostic.Span, diagnostic.Message,
                severity: diagnostic.Severity == Syntax.DiagnosticSeverity.Error ? Severity.Error : Severity.Warning, aliases: AliasOf(diagnostic));
        }
    }

    /// <summary>The BuildKit or hadolint check that flags the same problem; hadolint's are matched on the semantic model's wording (tests pin it).</summary>
    private static string[] AliasOf(Syntax.SyntaxDiagnostic diagnostic) => diagnostic.Code switch
    {
        "empty-continuation" => [EmptyContinuation],
        "invalid-build" when diagnostic.Message.EndsWith(" copies from itself", StringComparison.Ordinal) => ["DL3023"],
        Syntax.SyntaxDiagnostic.TriggerNotAllowed => ["DL3043"],
        Syntax.SyntaxDiagnostic.InstructionBeforeFrom => ["DL3061"],
        _ => [],
    };
}
