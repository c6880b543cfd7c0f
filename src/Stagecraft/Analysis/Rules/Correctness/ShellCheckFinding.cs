using Stagecraft.Analysis.ShellCheck;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// STG300: what ShellCheck says about RUN scripts, when the <c>shellcheck</c> binary is on PATH. Every finding answers to its
/// own SCnnnn code, so <c>--ignore SC2086</c> and <c># stagecraft ignore=SC2086</c> work per check.
/// </summary>
public sealed class ShellCheckFinding : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG300", "shellcheck",
        "ShellCheck finds a problem in a RUN script", Severity.Warning, RuleCategory.Correctness, aliasFamily: new AliasFamily("SCnnnn", IsShellCheckCode));

    private readonly Func<ShellCheckRunner?> _runner;

    public ShellCheckFinding() => _runner = () => ShellCheckRunner.OnPath;

    internal ShellCheckFinding(ShellCheckRunner? runner) => _runner = () => runner;

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Whatever ShellCheck reports in the shell script of a RUN (shell form or heredoc body), at the exact line and column in the Dockerfile. Runs only when the `shellcheck` binary is on PATH; without it the rule finds nothing. Each stage's ARG and ENV names (and the proxy variables BuildKit passes to every RUN) count as set, the stage's SHELL picks ShellCheck's dialect (sh, bash, dash, ksh; ash is read as dash), a heredoc's own shebang wins, and exec form, Windows stages and shells ShellCheck cannot read (PowerShell, cmd, zsh) are skipped.",
        WhyItMatters: "A RUN script is a shell script that fails the build, or worse silently does the wrong thing, for the same reasons any script does: unquoted expansions that split, `cd` without a check, variables that are never set.",
        Bad: "FROM alpine\nRUN for f in $(ls /etc/*.conf); do cp $f /backup; done",
        Good: "FROM alpine\nRUN for f in /etc/*.conf; do cp \"$f\" /backup; done",
        FixSafety: "No automatic fix.",
        Options: "Each finding carries ShellCheck's level as its severity (error, warning, info, style) and its code as its only alias: `--ignore SC2086`, `ignored: [SC2086]`, `override:` by SC code and `# stagecraft ignore=SC2086` (or `# hadolint ignore=SC2086`) all act on that check alone; ignoring STG300 turns ShellCheck off. SC1090, SC1091 (sourced files cannot be followed from a Dockerfile) and SC2187 are never reported. ShellCheck runs once per Dockerfile and dialect, not once per RUN. When it fails (an unexpected exit status or output), the rule reports that once, at info, on the file's first checked RUN, instead of failing the lint.");

    /// <summary>A ShellCheck code, <c>SC</c> and four digits.</summary>
    public static bool IsShellCheckCode(string code) =>
        code.Length == 6 && code.StartsWith("SC", StringComparison.OrdinalIgnoreCase) && code.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;

    public override void Check(RuleContext context)
    {
        if (_runner() is not { } runner)
            return;
        var scripts = new List<ShellCheckScript>();
        foreach (var stage in context.Model.Stages)
        {
            foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
            {
                if (context.Script(run) is { } script
                    && ShellCheckScript.Create(script, stage.ShellAt(run), ExportedNames(stage.ScopeAt(run))) is { } file)
                    scripts.Add(file);
            }
        }
        if (scripts.Count == 0)
            return;
        var batch = runner.Run(scripts);
        if (batch.Failure is { } failure)
        {
            context.Report(scripts[0].Script.Run.KeywordSpan, $"RUN scripts were not checked: {failure}", severity: Severity.Info, aliases: []);
            return;
        }
        foreach (var (script, comment) in batch.Comments)
        {
            if (script.ToFileSpan(comment) is { } span)
                context.Report(span, $"{comment.CodeName}: {comment.Message}", severity: SeverityOf(comment.Level), aliases: [comment.CodeName]);
        }
    }

    /// <summary>Names the shell sees set: declared ARGs and ENVs (a platform ARG only once the stage declares it).</summary>
    private static IEnumerable<string> ExportedNames(VariableScope scope) =>
        scope.All().Where(v => v.Origin != VariableOrigin.BuiltIn || v.DeclaredBy is not null).Select(v => v.Name);

    internal static Severity SeverityOf(string level) => level switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => Severity.Style,
    };
}
