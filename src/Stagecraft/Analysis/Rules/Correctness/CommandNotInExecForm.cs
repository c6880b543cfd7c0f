using System.Text;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG217: CMD, ENTRYPOINT or HEALTHCHECK CMD written in shell form instead of a JSON array.</summary>
public sealed class CommandNotInExecForm : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG217", "command-not-in-exec-form",
        "CMD, ENTRYPOINT or HEALTHCHECK in shell form", Severity.Warning, RuleCategory.Correctness, ["DL3025"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "CMD and ENTRYPOINT written as plain text rather than a JSON array, and `HEALTHCHECK CMD` likewise, in every stage and in ONBUILD triggers.",
        WhyItMatters: "Shell form runs the command as `/bin/sh -c \"…\"`: the shell, not the program, is process 1, so `docker stop` sends SIGTERM to a shell that does not pass it on and the container is killed after the timeout without a clean shutdown. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments. Every shell-form command, health checks included, needs a shell in the image, which distroless and scratch images do not have.",
        Bad: "FROM node:20-slim\nCMD node server.js",
        Good: "FROM node:20-slim\nCMD [\"node\", \"server.js\"]",
        FixSafety: "Unsafe: for a single command of plain words (no variables, globs, quotes, pipes or `&&`) the fix writes the same words as a JSON array. The program then runs without a shell as process 1, which changes signal handling and the environment it sees (no shell start-up), so it needs a test. Commands that use shell features get no fix: they need `[\"sh\", \"-c\", \"…\"]` with `exec`, or a script.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                var (text, message) = instruction switch
                {
                    EntrypointInstructionSyntax { IsShellForm: true } entrypoint =>
                        (entrypoint.Arguments[0], $"ENTRYPOINT in shell form runs under `{Shell(stage, entrypoint)}`: the program does not get SIGTERM on `docker stop`, and CMD and `docker run` arguments are ignored; write it as a JSON array"),
                    CmdInstructionSyntax { IsShellForm: true } cmd =>
                        (cmd.Arguments[0], $"CMD in shell form runs under `{Shell(stage, cmd)}`, so the program does not get SIGTERM on `docker stop`: write it as a JSON array"),
                    HealthcheckInstructionSyntax { IsNone: false, IsJsonForm: false, Command: [var command] } =>
                        (command, "HEALTHCHECK CMD in shell form needs a shell in the image to run: write the check as a JSON array"),
                    _ => (null, null),
                };
                if (text is null)
                    continue;
                context.Report(text.Span, message!, stage, stage.IsWindows ? null : Fix(text));
            }
        }
    }

    private static string Shell(Stage stage, InstructionSyntax instruction) => string.Join(' ', stage.ShellAt(instruction));

    /// <summary>The same words as a JSON array, when the text is one command of plain words.</summary>
    private static Fix? Fix(ArgumentSyntax text)
    {
        var script = ShellScript.Parse(text.Value);
        if (script.HasDiagnostics || script.Commands is not [var command] || command.Assignments.Count > 0 || command.Redirections.Count > 0
            || command.Connector != ShellOperator.None || command.Depth != 0 || command.Words.Count == 0)
            return null;
        var json = new StringBuilder("[");
        foreach (var word in command.Words)
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
        return new Fix("Write the command as a JSON array", FixSafety.Unsafe, [new TextEdit(text.Span, json.Append(']').ToString())]);
    }
}
