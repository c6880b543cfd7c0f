namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// Parser and build errors become findings of this rule, so a broken Dockerfile shows up in every report format
/// with its position. The engine reports it from the tree's diagnostics; it has no check of its own.
/// </summary>
public sealed class DockerfileSyntaxError : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG000", "dockerfile-syntax",
        "The Dockerfile cannot be built as written", Severity.Error, RuleCategory.Correctness, [EmptyContinuation]);

    /// <summary>BuildKit's name for its empty-continuation warning; only those findings carry it.</summary>
    private const string EmptyContinuation = "NoEmptyContinuation";

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Syntax errors and build errors that BuildKit itself refuses: malformed JSON arrays, unknown instructions or flags, unterminated heredocs, invalid stage names, `--from` naming no stage, an unreadable `# check=` directive. Also, as warnings, what BuildKit accepts for now but has announced it will refuse: blank lines inside a continued instruction (BuildKit's `NoEmptyContinuation` check; only those findings carry that alias) and bytes that are not UTF-8.",
        WhyItMatters: "The build fails before it starts. Other rules still run on what could be read, but their findings may be incomplete until this is fixed. An empty continuation line is accepted today with a warning, but a future BuildKit release will reject the file; a comment line in its place is fine.",
        Bad: "FROM alpine AS build\nCOPY --from=bulid /app /app",
        Good: "FROM alpine AS build\nCOPY --from=build /app /app",
        FixSafety: "No automatic fix.");

    public override void Check(RuleContext context)
    {
        foreach (var diagnostic in context.Tree.Diagnostics.Concat(context.Model.Diagnostics))
        {
            context.Report(diagnostic.Span, diagnostic.Message,
                severity: diagnostic.Severity == Syntax.DiagnosticSeverity.Error ? Severity.Error : Severity.Warning,
                aliases: diagnostic.Code == "empty-continuation" ? [EmptyContinuation] : []);
        }
    }
}
