using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG203: a RUN changes into a lasting directory with <c>cd</c> where WORKDIR says it once for every step.</summary>
public sealed class CdInsteadOfWorkdir : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG203", "cd-instead-of-workdir",
        "RUN uses cd where WORKDIR would do", Severity.Warning, RuleCategory.Maintainability, ["DL3003"]);

    public override RuleDescriptor Descriptor => Id;

    // cd inside these runs only sometimes, or only for part of the script, which WORKDIR cannot express.
    private const ShellContext Partial = ShellContext.Subshell | ShellContext.CommandSubstitution | ShellContext.If | ShellContext.Loop
        | ShellContext.Case | ShellContext.Function;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "The first `cd` of a RUN script (shell form or heredoc, and ONBUILD triggers) when it enters a directory that stays in the image; later `cd`s of the same RUN move around within the script and are not reported. Not reported either: `cd` in a subshell `( … )`, a command substitution, a condition, loop, `case` or function; `cd -`, a bare `cd`, `cd /` and `cd` back to the directory the RUN starts in; `cd` into a temporary directory (/tmp, /var/tmp, `$TMPDIR`, a `mktemp` result) or into a `--mount` target of the RUN; and `cd` into a directory the same RUN removes later (`rm -rf /usr/src/app`), since WORKDIR would leave the image pointing at a directory that is gone.",
        WhyItMatters: "A `cd` lasts only until the end of its RUN, so the next RUN, COPY and the container's start directory are somewhere else; chains of `cd` hide where files land. WORKDIR states the directory once, creates it if needed and applies to every instruction after it.",
        Bad: "FROM node:20-slim\nCOPY . /app\nRUN cd /app && npm ci",
        Good: "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci",
        FixSafety: "Unsafe: when the RUN starts with `cd <absolute path> &&`, the fix puts `WORKDIR <path>` before the RUN and removes the `cd`. WORKDIR also applies to every later instruction and to the running container, and creates the directory when it is missing, so the rest of the file may behave differently.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, trigger) in RunScripts.Of(context, triggers: true))
        {
            var commands = script.Script.Commands;
            for (var i = 0; i < commands.Count; i++)
            {
                var cd = commands[i].Unwrap();
                if (!cd.IsNamed("cd") || (cd.Context & Partial) != 0)
                    continue;
                // Only the RUN's first lasting cd could become a WORKDIR; later ones move around within the script.
                if (cd.PositionalArguments is [var target, ..] && target.Value != "-" && !target.HasCommandSubstitution
                    && Lasting(context, stage, run, commands, i, target) is { } path)
                {
                    context.Report(script.ToFileSpan(commands[i].Span),
                        $"`cd {target.Value}` lasts only until the end of this RUN: set `WORKDIR {path}` before it so every later step runs there",
                        stage, trigger ? null : Fix(context, run, script, commands[i], target));
                }
                break;
            }
        }
    }

    /// <summary>
    /// The directory the cd enters, as absolute as the file allows, when WORKDIR could stand for it; null when it is the
    /// directory the RUN starts in or the root, a temporary or mounted directory, or one the RUN removes later.
    /// </summary>
    private static string? Lasting(RuleContext context, Stage stage, RunInstructionSyntax run, IReadOnlyList<ShellCommand> commands, int index, ShellWord target)
    {
        var written = ShellWordValues.Resolve(context.Model, run, target) ?? target.Value;
        var start = context.IsOnbuildTrigger(run) ? null : stage.WorkingDirectoryAt(run);
        var path = start is not null && !written.Contains('$') && !written.StartsWith('~') ? ContainerPath.Resolve(start, written) : written;
        if (path == "/" || path == start || IsTemporary(path) || FromMktemp(commands, index, target) || Mounted(context, run, start, path)
            || RemovedLater(context, run, commands, index, path))
            return null;
        return path;
    }

    /// <summary>True when the directory is a mount of this RUN, or inside one: it exists only while the RUN runs.</summary>
    private static bool Mounted(RuleContext context, RunInstructionSyntax run, string? start, string path)
    {
        foreach (var mount in run.Mounts)
        {
            if (mount.Target is not { } written || context.Model.Expand(run, written) is not { Succeeded: true } expanded)
                continue;
            var target = start is null ? expanded.Value.TrimEnd('/') : ContainerPath.Resolve(start, expanded.Value);
            if (path == target || path.StartsWith(target.TrimEnd('/') + "/", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool IsTemporary(string path) =>
        Under(path, "/tmp") || Under(path, "/var/tmp") || path.StartsWith("$TMPDIR", StringComparison.Ordinal) || path.StartsWith("${TMPDIR", StringComparison.Ordinal);

    private static bool Under(string path, string directory) =>
        path.StartsWith(directory, StringComparison.Ordinal) && (path.Length == directory.Length || path[directory.Length] == '/');

    /// <summary>True for <c>dir="$(mktemp -d)"; cd "$dir"</c>: the variable was set from mktemp earlier in the script.</summary>
    private static bool FromMktemp(IReadOnlyList<ShellCommand> commands, int index, ShellWord target)
    {
        if (!target.HasExpansion)
            return false;
        for (var j = 0; j < index; j++)
        {
            foreach (var assignment in commands[j].Assignments)
            {
                if (assignment.Value.Contains("mktemp", StringComparison.Ordinal) && target.Value.Contains(assignment.Name, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    /// <summary>True when an <c>rm</c> after the <c>cd</c> removes its directory or one above it (or empties it with <c>dir/*</c>).</summary>
    private static bool RemovedLater(RuleContext context, RunInstructionSyntax run, IReadOnlyList<ShellCommand> commands, int index, string path)
    {
        var directory = path.TrimEnd('/');
        for (var j = index + 1; j < commands.Count; j++)
        {
            var rm = commands[j].Unwrap();
            if (!rm.IsNamed("rm"))
                continue;
            foreach (var word in rm.PositionalArguments)
            {
                var removed = (ShellWordValues.Resolve(context.Model, run, word) ?? word.Value).TrimEnd('*').TrimEnd('/');
                if (removed.Length > 0 && (directory == removed || directory.StartsWith(removed + "/", StringComparison.Ordinal)))
                    return true;
            }
        }
        return false;
    }

    /// <summary><c>RUN cd /app &amp;&amp; make</c> becomes <c>WORKDIR /app</c> then <c>RUN make</c>, when the cd leads a top-level list.</summary>
    private static Fix? Fix(RuleContext context, RunInstructionSyntax run, RunScript script, ShellCommand cd, ShellWord target)
    {
        if (script.Heredoc is not null || !target.IsLiteral || !target.Value.StartsWith('/') || context.Tree.GetRange(run.KeywordSpan).Start.Column != 1
            || ScriptEdits.RemovableLeadingCommand(script.Script, cd) is not { } removable || removable.End >= script.Text.Length)
            return null;
        return new Fix($"Set `WORKDIR {target.Value}` before the RUN", FixSafety.Unsafe,
            [TextEdit.Insert(run.KeywordSpan.Start, $"WORKDIR {target.Value}\n"), TextEdit.Delete(script.ToFileSpan(removable))]);
    }
}
