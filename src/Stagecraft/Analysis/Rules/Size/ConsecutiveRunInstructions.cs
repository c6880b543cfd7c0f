using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>
/// Back-to-back RUN instructions that would be better as one: a package index update alone before the install that needs
/// it, or single-command RUNs that each make a layer of the image.
/// </summary>
public sealed class ConsecutiveRunInstructions : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG010", "consecutive-run-instructions",
        "Consecutive RUN instructions that would be better as one", Severity.Info, RuleCategory.Size, ["DL3059"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A RUN that only updates a package index (`apt-get update`, `apk update`, `yum/dnf makecache`) followed by a RUN that installs with the same manager, in any stage (comments may sit between them); and, in the final image's stages, two adjacent RUNs with nothing between them that each run a single command. RUNs with different --mount/--network/--security flags, heredoc RUNs, exec-form RUNs and Windows stages are left alone.",
        WhyItMatters: "Each RUN is cached on its own text. `RUN apt-get update` stays cached while the install line below it changes, so the install reads a package index that may be weeks old and fails with 404s or installs outdated packages; Docker's best practices say to always combine them. Every RUN also adds a layer with its own metadata and file-system diff, and files a later RUN deletes stay in the earlier layer. hadolint's DL3059 reports the same pattern.",
        Bad: "RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\nRUN mkdir -p /app\nRUN chown app /app",
        Good: "RUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\nRUN mkdir -p /app && \\\n    chown app /app",
        FixSafety: "Unsafe: joins the RUN into the one before it with ` && \\` and a continuation line (keeping a leading-`&&` style when the file uses one). State carries over once they share a shell (`cd`, exported variables), the joined step invalidates the cache of both, and no fix is offered when comments sit between the two.",
        Options: "Ignore by hadolint's id as well: `# stagecraft ignore=DL3059`.");

    public override void Check(RuleContext context)
    {
        int[]? commentStarts = null;
        foreach (var stage in context.Model.Stages)
        {
            if (stage.IsWindows)
                continue;
            bool? inImage = null;
            for (var i = 1; i < stage.Instructions.Count; i++)
            {
                if (stage.Instructions[i - 1] is not RunInstructionSyntax previous || stage.Instructions[i] is not RunInstructionSyntax current
                    || Readable(context, previous) is not { } before || Readable(context, current) is not { } after || !SameFlags(previous, current))
                    continue;
                commentStarts ??= CommentStarts(context);
                var commented = commentStarts.Any(c => c > previous.Span.Start && c < current.Span.Start);
                if (before.Script.Commands is [var update] && UpdatedIndex(update.Unwrap()) is { } manager
                    && after.Script.Commands.Any(c => SystemPackages.ReadInstall(c.Unwrap()) is { } install && install.Manager == manager))
                {
                    context.Report(before.ToFileSpan(update.Span),
                        $"`{update.Text}` runs in its own RUN, so the install on line {current.StartLine} can reuse a stale cached package index: update and install in one RUN",
                        stage, commented ? null : JoinFix(context, stage, i), aliases: IsSingleCommand(after.Script) ? null : []);
                }
                else if (!commented && (inImage ??= context.ImageStages.Contains(stage)) && IsSingleCommand(before.Script) && IsSingleCommand(after.Script))
                {
                    context.Report(TextSpan.FromBounds(current.KeywordSpan.Start, current.ArgumentsSpan.End),
                        $"this RUN and the RUN on line {previous.StartLine} run one command each and make a layer each: join them with && in one RUN",
                        stage, JoinFix(context, stage, i));
                }
            }
        }
    }

    /// <summary>Where the file's comments start; read only when a file has two adjacent RUNs to compare.</summary>
    private static int[] CommentStarts(RuleContext context) =>
        context.Tree.Root.Children.OfType<CommentSyntax>().Select(c => c.Span.Start).ToArray();

    private static Fix JoinFix(RuleContext context, Stage stage, int index) =>
        new("Join with the RUN before", FixSafety.Unsafe,
            [new TextEdit(TextSpan.FromBounds(stage.Instructions[index - 1].ArgumentsSpan.End, stage.Instructions[index].ArgumentsSpan.Start), Joiner(context, stage.Instructions, index))]);

    private static RunScript? Readable(RuleContext context, RunInstructionSyntax run) =>
        run.Heredocs.Count == 0 && context.Script(run) is { } script && !script.Script.HasDiagnostics ? script : null;

    private static bool SameFlags(RunInstructionSyntax a, RunInstructionSyntax b) =>
        (a.Flags.Count == 0 && b.Flags.Count == 0) || a.Flags.Select(f => f.DumpText).Order(StringComparer.Ordinal).SequenceEqual(b.Flags.Select(f => f.DumpText).Order(StringComparer.Ordinal));

    private static bool IsSingleCommand(ShellScript script) =>
        script.Commands is [{ Depth: 0, IsBackground: false, Name: not null } command] && !command.IsInPipeline;

    /// <summary>The package manager whose index the command refreshes, named as <see cref="SystemPackages"/> names it.</summary>
    private static string? UpdatedIndex(ShellCommand command) => command.BaseName switch
    {
        "apt-get" or "apt" when command.PositionalArguments is [{ Value: "update" }] => "apt",
        "apk" when command.PositionalArguments is [{ Value: "update" }] => "apk",
        "yum" or "dnf" when command.PositionalArguments is [{ Value: "makecache" }, ..] => "rpm",
        _ => null,
    };

    /// <summary>
    /// ` &amp;&amp; \` plus a newline and the continuation indent that the block of adjacent RUNs already uses (or the
    /// leading-&amp;&amp; style), so joining a whole block gives one consistent instruction.
    /// </summary>
    private static string Joiner(RuleContext context, IReadOnlyList<InstructionSyntax> instructions, int index)
    {
        int first = index, last = index;
        while (first > 0 && instructions[first - 1] is RunInstructionSyntax)
            first--;
        while (last + 1 < instructions.Count && instructions[last + 1] is RunInstructionSyntax)
            last++;
        var block = context.Tree.GetText(TextSpan.FromBounds(instructions[first].Span.Start, instructions[last].Span.End));
        var lines = block.Split('\n');
        var newline = lines[0].EndsWith('\r') ? "\r\n" : "\n";
        var continuation = lines.Skip(1).FirstOrDefault(l => l.Length > 0 && char.IsWhiteSpace(l[0]) && l.Trim().Length > 0);
        var indent = continuation is null ? "    " : continuation[..(continuation.Length - continuation.TrimStart().Length)];
        var leading = lines.Any(l => l.TrimStart().StartsWith("&&", StringComparison.Ordinal));
        var escape = context.Tree.Root.EscapeCharacter;
        return leading ? $" {escape}{newline}{indent}&& " : $" && {escape}{newline}{indent}";
    }
}
