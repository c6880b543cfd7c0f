using System.Text;
using System.Text.RegularExpressions;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// STG105: CMD, ENTRYPOINT or HEALTHCHECK CMD in shell form. One finding per command, answering to hadolint's DL3025
/// always and to BuildKit's JSONArgsRecommended where that check applies too.
/// </summary>
public sealed partial class ShellFormCommand : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG105", "shell-form-command",
        "CMD, ENTRYPOINT or HEALTHCHECK in shell form", Severity.Warning, RuleCategory.Correctness, ["JSONArgsRecommended", "DL3025"]);

    private static readonly string[] BothChecks = ["JSONArgsRecommended", "DL3025"];
    private static readonly string[] HadolintOnly = ["DL3025"];

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` written as a plain command line rather than a JSON array, in every stage and in ONBUILD triggers. Every finding answers to hadolint's DL3025, ONBUILD triggers included: hadolint does not look inside ONBUILD, but a trigger in shell form has the same problem in every image built from this one, so Stagecraft is stricter there. A CMD or ENTRYPOINT also answers to BuildKit's `JSONArgsRecommended` when no SHELL instruction precedes it in its stage or the stages it is built on (for an ONBUILD trigger: none anywhere in them), as `docker build --check` reports it; that includes a command starting with `exec`, whose message then says what `exec` leaves unsolved. BuildKit does not look at HEALTHCHECK. Both checks are warnings, and so is every finding.",
        WhyItMatters: "Shell form runs `/bin/sh -c \"…\"`: the shell is PID 1, and `docker stop` sends SIGTERM to the shell, which does not pass it on, so the application gets no chance to shut down cleanly and is killed after the timeout (10 s by default). ENTRYPOINT in shell form also ignores CMD and the arguments of `docker run image ARGS`, `exec` or not. Every shell-form command, health checks included, needs a shell in the image, which distroless and scratch images do not have.",
        Bad: "FROM node:22-slim\nCOPY . /app\nCMD node /app/server.js",
        Good: "FROM node:22-slim\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]",
        FixSafety: "Safe under the default POSIX shell, unsafe under a SHELL of the file's own, on Windows, and for an ENTRYPOINT whose stage also sets a CMD (the JSON form passes the CMD on as arguments; the shell form dropped it). Offered only for one command of plain words (no quotes, variables, globs, redirections or shell operators; on Windows no backslashes or `%` either): writes the same words as a JSON array, without a leading `exec`. With plain words the same program gets the same arguments either way (most shells even replace themselves with a lone command), and now receives stop signals directly. Commands that use shell features get no fix: they need `[\"sh\", \"-c\", \"exec …\"]` or a script.");

    // Words cmd.exe and a POSIX shell both take literally.
    [GeneratedRegex(@"^[A-Za-z0-9_./:=@+,-]+(?:[ \t]+[A-Za-z0-9_./:=@+,-]+)*$")]
    private static partial Regex WindowsPlainWords();

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var shellBelow = false;
            foreach (var below in StageChain.Of(stage))
                shellBelow |= !ReferenceEquals(below, stage) && HasShell(below);
            var stageHasShell = shellBelow || HasShell(stage);
            var shellSeen = shellBelow;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is ShellInstructionSyntax)
                    shellSeen = true;
                // A trigger runs in a later build whose image config carries this stage's SHELL, wherever it is written.
                else if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger })
                    Inspect(context, stage, trigger, defaultShell: !stageHasShell);
                else
                    Inspect(context, stage, instruction, defaultShell: !shellSeen);
            }
        }
    }

    private static bool HasShell(Stage stage)
    {
        foreach (var instruction in stage.Instructions)
        {
            if (instruction is ShellInstructionSyntax)
                return true;
        }
        return false;
    }

    private static void Inspect(RuleContext context, Stage stage, InstructionSyntax instruction, bool defaultShell)
    {
        var (text, keyword) = instruction switch
        {
            CmdInstructionSyntax { IsShellForm: true } cmd => (cmd.Arguments[0], "CMD"),
            EntrypointInstructionSyntax { IsShellForm: true } entrypoint => (entrypoint.Arguments[0], "ENTRYPOINT"),
            HealthcheckInstructionSyntax { IsNone: false, IsJsonForm: false, Command: [var command] } => (command, "HEALTHCHECK CMD"),
            _ => (null, ""),
        };
        if (text is null)
            return;
        var startsWithExec = text.Value.StartsWith("exec ", StringComparison.Ordinal) || text.Value.StartsWith("exec\t", StringComparison.Ordinal);
        // BuildKit flags a leading `exec` too: it still needs the shell, and ENTRYPOINT still drops CMD.
        var buildKit = defaultShell && instruction is not HealthcheckInstructionSyntax;
        var shell = string.Join(' ', stage.ShellAt(instruction));
        // BuildKit falls back to shell form for an array it cannot read as JSON, typically Windows paths with single backslashes.
        var looksLikeJson = text.Value.StartsWith('[') && text.Value.AsSpan(1).TrimStart() is [ '"' or '\'', ..];
        var json = looksLikeJson ? null : JsonArray(stage, text.Value);
        var example = Shorten($"{keyword} {json ?? "[\"…\"]"}");
        var message = (looksLikeJson, keyword, startsWithExec) switch
        {
            (true, _, _) => $"{keyword} looks like a JSON array but is not valid JSON (backslashes must be doubled, quotes must be double quotes), so it runs in shell form under `{shell}`: fix the JSON",
            (_, "HEALTHCHECK CMD", _) => $"HEALTHCHECK CMD in shell form needs `{shell}` in the image to run the check: write it as a JSON array (`{example}`)",
            (_, "ENTRYPOINT", true) => $"ENTRYPOINT in shell form ignores CMD and `docker run` arguments, `exec` or not: write it as a JSON array (`{example}`)",
            (_, "CMD", true) => $"CMD in shell form needs `{shell}` in the image just to start the program (`exec` already passes stop signals on): write it as a JSON array (`{example}`)",
            (_, "ENTRYPOINT", _) => $"ENTRYPOINT in shell form runs under `{shell}`, which does not pass stop signals on and ignores CMD and `docker run` arguments: write it as a JSON array (`{example}`)"
                + (buildKit ? ", or choose a SHELL explicitly" : ""),
            _ => $"CMD in shell form runs under `{shell}`, which does not pass stop signals on to the command: write it as a JSON array (`{example}`)"
                + (buildKit ? ", or choose a SHELL explicitly" : ""),
        };
        var fix = json is null ? null : new Fix("Write the command as a JSON array", Safety(stage, instruction, defaultShell), [new TextEdit(text.Span, json)]);
        context.Report(text.Span, message, stage, fix, aliases: buildKit ? BothChecks : HadolintOnly);
    }

    /// <summary>
    /// Plain words under the default POSIX shell run the same program with the same arguments either way (sh even execs a
    /// lone command), so the JSON form is safe. Under a SHELL of the file's own, on Windows, and for an ENTRYPOINT whose
    /// stage sets a CMD (the JSON form passes that CMD on as arguments, the shell form drops it) it is not.
    /// </summary>
    private static FixSafety Safety(Stage stage, InstructionSyntax instruction, bool defaultShell) =>
        !defaultShell || stage.IsWindows || (instruction is EntrypointInstructionSyntax && stage.Instructions.OfType<CmdInstructionSyntax>().Any())
            ? FixSafety.Unsafe
            : FixSafety.Safe;

    /// <summary>The command as a JSON array when it is one command of plain words (a leading <c>exec</c> dropped), else null.</summary>
    private static string? JsonArray(Stage stage, string text)
    {
        // The words are read the POSIX way; on Windows only text that cmd.exe would split the same way qualifies.
        if (stage.IsWindows && !WindowsPlainWords().IsMatch(text))
            return null;
        var script = ShellScript.Parse(text);
        if (script.HasDiagnostics || script.Commands is not [var command] || command.Assignments.Count > 0 || command.Redirections.Count > 0
            || command.Connector != ShellOperator.None || command.Depth != 0 || command.Words.Count == 0)
            return null;
        var words = command.Words[0] is { IsLiteral: true, Value: "exec" } && command.Words.Count > 1 ? command.Words.Skip(1) : command.Words;
        var json = new StringBuilder("[");
        foreach (var word in words)
        {
            if (!word.IsLiteral || word.HasGlob)
                return null;
            json.Append(json.Length > 1 ? ", \"" : "\"");
            foreach (var c in word.Value)
            {
                if (c is '"' or '\\')
                    json.Append('\\');
                json.Append(c);
            }
            json.Append('"');
        }
        return json.Append(']').ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
