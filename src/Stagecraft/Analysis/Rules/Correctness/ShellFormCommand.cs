using System.Text.RegularExpressions;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG105: CMD or ENTRYPOINT in shell form with no SHELL chosen; BuildKit's JSONArgsRecommended.</summary>
public sealed partial class ShellFormCommand : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG105", "shell-form-command",
        "CMD or ENTRYPOINT in shell form", Severity.Warning, RuleCategory.Correctness, ["JSONArgsRecommended"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`CMD` and `ENTRYPOINT` written as a plain command line rather than a JSON array, in a stage (or a stage it is built on) that has no SHELL instruction, including ones kept by ONBUILD. A command that starts with `exec` is left alone: it replaces the shell. BuildKit's `JSONArgsRecommended` check, which does not make that exception.",
        WhyItMatters: "Shell form runs `/bin/sh -c \"…\"`: the shell is PID 1, and `docker stop` sends SIGTERM to the shell, which does not pass it on, so the application gets no chance to shut down cleanly and is killed after the timeout (10 s by default). ENTRYPOINT in shell form also ignores the arguments of `docker run image ARGS`. An explicit SHELL instruction says shell form is intended.",
        Bad: "FROM node:22-slim\nCOPY . /app\nCMD node /app/server.js",
        Good: "FROM node:22-slim\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]",
        FixSafety: "Unsafe, and offered only for plain words without quotes, variables or shell operators: rewrites the command as a JSON array. Without a shell, environment variables are no longer expanded and the program becomes PID 1.");

    [GeneratedRegex(@"^[A-Za-z0-9_./:=@%+,-]+(?:[ \t]+[A-Za-z0-9_./:=@%+,-]+)*$")]
    private static partial Regex PlainWords();

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var stageHasShell = StageChain.Of(stage).Any(s => s.Instructions.OfType<ShellInstructionSyntax>().Any());
            var shellSeen = StageChain.Of(stage).Skip(1).Any(s => s.Instructions.OfType<ShellInstructionSyntax>().Any());
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is ShellInstructionSyntax)
                    shellSeen = true;
                else if (!shellSeen && IsImageCommand(instruction))
                    Inspect(context, stage, (CommandInstructionSyntax)instruction);
                // A trigger runs in a later build whose image config carries this stage's SHELL, wherever it is written.
                else if (!stageHasShell && instruction is OnbuildInstructionSyntax { Trigger: { } trigger } && IsImageCommand(trigger))
                    Inspect(context, stage, (CommandInstructionSyntax)trigger);
            }
        }
    }

    private static bool IsImageCommand(InstructionSyntax instruction) => instruction is CmdInstructionSyntax or EntrypointInstructionSyntax;

    private static void Inspect(RuleContext context, Stage stage, CommandInstructionSyntax command)
    {
        if (!command.IsShellForm || command.ShellText is not { } text)
            return;
        if (text.StartsWith("exec ", StringComparison.Ordinal) || text.StartsWith("exec\t", StringComparison.Ordinal))
            return;
        var keyword = command.Keyword.ToUpperInvariant();
        // BuildKit falls back to shell form for an array it cannot read as JSON, typically Windows paths with single backslashes.
        var looksLikeJson = text.StartsWith('[');
        Fix? fix = null;
        var example = $"{keyword} [\"…\"]";
        if (!looksLikeJson && PlainWords().IsMatch(text))
        {
            var json = "[" + string.Join(", ", text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => "\"" + w + "\"")) + "]";
            example = $"{keyword} {json}";
            fix = new Fix("Write the command as a JSON array", FixSafety.Unsafe, [new TextEdit(command.ArgumentsSpan, json)]);
        }
        context.Report(command.ArgumentsSpan,
            looksLikeJson
                ? $"{keyword} looks like a JSON array but is not valid JSON (backslashes must be doubled, quotes must be double quotes), so it runs in shell form under `{string.Join(' ', stage.ShellAt(command))}`: fix the JSON"
                : $"{keyword} in shell form runs under `{string.Join(' ', stage.ShellAt(command))}`, which does not pass stop signals on to the command: write it as a JSON array (`{Shorten(example)}`), or choose a SHELL explicitly",
            stage, fix);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
