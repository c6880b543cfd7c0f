namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// Parser and build errors become findings of this rule, so a broken Dockerfile shows up in every report format
/// with its position. The engine reports it from the tree's diagnostics; it has no check of its own.
/// </summary>
public sealed class DockerfileSyntaxError : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG000", "dockerfile-syntax",
        "The Dockerfile cannot be built as written", Severity.Error, RuleCategory.Correctness, ["DL3043", "DL3061"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Syntax errors and build errors that BuildKit itself refuses: malformed JSON arrays, unknown instructions or flags, unterminated heredocs, duplicate or invalid stage names, `--from` naming no stage.",
        WhyItMatters: "The build fails before it starts. Other rules still run on what could be read, but their findings may be incomplete until this is fixed.",
        Bad: "FROM alpine AS build\nCOPY --from=bulid /app /app",
        Good: "FROM alpine AS build\nCOPY --from=build /app /app",
        FixSafety: "No automatic fix.",
        Options: "Two of these errors are hadolint checks too, and answer to their codes: ONBUILD with ONBUILD, FROM or MAINTAINER as its trigger (DL3043), and an instruction other than ARG before the first FROM (DL3061).");

    public override void Check(RuleContext context)
    {
        foreach (var diagnostic in context.Tree.Diagnostics.Concat(context.Model.Diagnostics))
        {
            context.Report(diagnostic.Span, diagnostic.Message,
                severity: diagnostic.Severity == Syntax.DiagnosticSeverity.Error ? Severity.Error : Severity.Warning, aliases: HadolintAlias(diagnostic.Code));
        }
    }

    private static string[] HadolintAlias(string code) => code switch
    {
        Syntax.SyntaxDiagnostic.TriggerNotAllowed => ["DL3043"],
        Syntax.SyntaxDiagnostic.InstructionBeforeFrom => ["DL3061"],
        _ => [],
    };
}
