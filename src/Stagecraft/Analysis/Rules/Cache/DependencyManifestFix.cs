using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Cache;

/// <summary>
/// Builds STG001's fix: <c>COPY &lt;manifests&gt; &lt;dest&gt;</c> and the dependency step inserted before the whole-context
/// copy; an install that leads its RUN is moved there, a build gets its prefetch command (<c>go mod download</c>) instead.
/// </summary>
internal static class DependencyManifestFix
{
    public static Fix? Create(RuleContext context, IReadOnlyList<InstructionSyntax> instructions, int copyIndex, RunInstructionSyntax run,
        RunScript script, ShellCommand command, DependencyStep step, string[] manifests)
    {
        if (instructions[copyIndex] is not FileTransferInstructionSyntax { Destination: { } destination } copy || manifests.Any(m => m.Contains('/')))
            return null;
        var runIndex = IndexOf(instructions, run);
        for (var i = copyIndex + 1; i < runIndex; i++)
        {
            if (instructions[i] is WorkdirInstructionSyntax or UserInstructionSyntax or EnvInstructionSyntax or ArgInstructionSyntax or ShellInstructionSyntax)
                return null;
        }
        var tree = context.Tree;
        var newline = tree.GetText(copy.Span).Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var indent = tree.GetText(TextSpan.FromBounds(copy.Span.Start, copy.KeywordSpan.Start));
        var files = context.BuildContext.IsKnown ? manifests : [.. step.Required, .. step.Usual.Select(name => name + "*")];
        var dest = destination.Value is "." or "./" ? "./" : destination.Value.EndsWith('/') ? destination.Value : destination.Value + "/";
        var flags = copy.Flags.Where(f => f.Name is "chown" or "chmod" or "link").Select(f => tree.GetText(f.Span));
        var copyLine = indent + "COPY " + string.Join(" ", [.. flags, .. files, dest]) + newline;
        var mounts = string.Concat(run.Mounts.Select(m => tree.GetText(m.Flag.Span) + " "));
        var title = $"Copy {string.Join(" ", manifests)} and fetch dependencies before copying the whole context";
        var safety = ManifestsAlone(context.BuildContext, step, command.Unwrap(), manifests) ? FixSafety.Safe : FixSafety.Unsafe;

        if (step.Kind == DependencyStepKind.Build)
        {
            return step.Prefetch is null ? null
                : new Fix(title, safety, [TextEdit.Insert(copy.Span.Start, copyLine + indent + "RUN " + mounts + step.Prefetch + newline)]);
        }
        if (ScriptEdits.RemovableLeadingCommand(script.Script, command) is not { } removable)
            return null;
        if (removable.Length == script.Text.Length && removable.Start == 0)
        {
            var moved = tree.GetText(run.Span);
            if (!moved.EndsWith('\n'))
                moved += newline;
            return new Fix(title, safety, [TextEdit.Insert(copy.Span.Start, copyLine + moved), TextEdit.Delete(run.Span)]);
        }
        var installText = tree.GetText(script.ToFileSpan(command.Span));
        var removed = TextSpan.FromBounds(script.ToFileOffset(removable.Start), script.ToFileOffset(removable.End));
        return new Fix(title, safety,
            [TextEdit.Insert(copy.Span.Start, copyLine + indent + "RUN " + mounts + installText + newline), TextEdit.Delete(removed)]);
    }

    /// <summary>
    /// True when the manifests in the context are all the dependency step reads: no install scripts, workspaces or local
    /// path dependencies (npm, yarn, pnpm), no editable, nested or local requirements (pip), no local replace (go mod
    /// download). Then moving the step before the whole-context copy cannot make it fail. Unknown contexts and other
    /// ecosystems are not judged.
    /// </summary>
    private static bool ManifestsAlone(BuildContext buildContext, DependencyStep step, ShellCommand command, string[] manifests)
    {
        if (!buildContext.IsKnown)
            return false;
        switch (step.Ecosystem)
        {
            case "npm" or "yarn" or "pnpm":
                return buildContext.ReadText("package.json") is { } package
                    && !NodeNeedsMore.Any(marker => package.Contains(marker, StringComparison.Ordinal));
            case "pip":
                // `pip install -r requirements.txt .` also installs the project itself, which needs the source.
                return !command.Words.Skip(1).Any(w => w.Value is "." or "./" || w.Value.StartsWith("./", StringComparison.Ordinal) || w.Value.StartsWith(".[", StringComparison.Ordinal))
                    && manifests.All(m => buildContext.ReadText(m) is { } requirements
                    && requirements.Split('\n').Select(l => l.Trim()).All(l => !PipNeedsMore.Any(p => l.StartsWith(p, StringComparison.Ordinal)) && !l.Contains("@ file:", StringComparison.Ordinal)));
            case "go" when step.Kind == DependencyStepKind.Build:
                return buildContext.ReadText("go.mod") is { } module
                    && !module.Contains("=> ./", StringComparison.Ordinal) && !module.Contains("=> ../", StringComparison.Ordinal) && !module.Contains("=> /", StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private static readonly string[] NodeNeedsMore = ["\"preinstall\"", "\"install\"", "\"postinstall\"", "\"prepare\"", "\"workspaces\"", "\"file:", "\"link:", "\"portal:", "\"workspace:"];

    private static readonly string[] PipNeedsMore = ["-e", "--editable", "-r", "--requirement", "-c", "--constraint", ".", "/", "file:"];

    private static int IndexOf(IReadOnlyList<InstructionSyntax> instructions, InstructionSyntax instruction)
    {
        for (var i = 0; i < instructions.Count; i++)
        {
            if (ReferenceEquals(instructions[i], instruction))
                return i;
        }
        return -1;
    }
}
