using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>
/// <c>rm</c> of files that an earlier instruction of the image added: the deletion only hides them, and their bytes stay
/// in the earlier layer.
/// </summary>
public sealed class FilesRemovedInLaterLayer : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG011", "files-removed-in-later-layer",
        "Files removed in a later layer than the one that added them", Severity.Warning, RuleCategory.Size);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "An `rm` in a RUN of the final stage or the stages it is built FROM that deletes a path an earlier instruction of those stages added: a COPY/ADD destination (a folder copied from the build context counts when the context shows the file), a download (`wget -O`, `curl -o`/`-O`), a `git clone`, a redirection, or a package manager's cache as STG003 knows it (apt lists after `apt-get update`, the apk, yum/dnf/microdnf and zypper caches, and the pip, npm and yarn caches — where a variable such as PIP_CACHE_DIR moved them, or in root's home). Paths under cache, tmpfs and bind mounts are not in any layer and are ignored; so is a RUN that writes the path again before removing it (it cleans its own layer), and ADD of a local archive, which is unpacked rather than stored.",
        WhyItMatters: "Layers only add: deleting a file in a later layer writes a whiteout entry and the earlier layer still holds every byte, which is pulled, stored and scanned with the image. A 150 MB tarball COPYed in and removed after extraction makes the image 150 MB bigger than the extracted result; `apt-get update` in one RUN and `rm -rf /var/lib/apt/lists/*` in the next keeps about 40 MB of package lists.",
        Bad: "COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nRUN rm /tmp/app.tar.gz",
        Good: "RUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz \\\n    tar -xzf /tmp/app.tar.gz -C /opt",
        FixSafety: "No automatic fix: the remedy is to delete in the RUN that creates the file, to use a bind or cache mount, or to produce the file in another stage, and which fits depends on the build.");

    public override void Check(RuleContext context)
    {
        // Collecting what every layer adds is the expensive part; half of real Dockerfiles never run rm at all, and
        // nothing after the last RUN with rm can be reported.
        if (LastRunWithRm(context) is not { } lastRm)
            return;
        var added = new List<AddedPath>();
        var own = new List<(AddedPath Path, int At)>();
        var scratch = new List<(string? Path, bool IsTree)>();
        // Plain loops: this walks every instruction of the image for each file that runs rm.
        var stages = context.ImageStages;
        for (var s = stages.Count - 1; s >= 0; s--)
        {
            var stage = stages[s];
            if (stage.IsWindows)
                continue;
            foreach (var instruction in stage.Instructions)
            {
                if (stage.WorkingDirectoryAt(instruction) is not { } workdir)
                    continue;
                if (instruction is FileTransferInstructionSyntax copy)
                    LayerFiles.AddCopied(added, context.Model, copy, workdir);
                if (instruction is not RunInstructionSyntax run || context.Script(run) is not { } script)
                    continue;
                var root = IsRoot(context, stage, run);
                own.Clear();
                LayerFiles.AddRunWrites(own, scratch, run, script.Script, workdir, context.Model.ScopeAt(run), root);
                foreach (var rm in script.Script.FindCommands("rm"))
                {
                    if (FirstDeletedEarlier(context, run, script.Script, rm, workdir, added, own) is { } hit)
                    {
                        context.Report(script.ToFileSpan(rm.Span),
                            $"`rm` deletes {hit.Removed}, which {hit.Earlier.How} added in an earlier layer: its bytes stay in that layer; delete it in the same RUN that creates it, or use a mount",
                            stage);
                    }
                }
                if (ReferenceEquals(run, lastRm))
                    return;
                foreach (var (path, _) in own)
                    added.Add(path);
            }
        }
    }

    /// <summary>The first argument of <paramref name="rm"/> that deletes a path an earlier layer added, with that path.</summary>
    private static (string Removed, AddedPath Earlier)? FirstDeletedEarlier(RuleContext context, RunInstructionSyntax run, ShellScript script, ShellCommand rm,
        string workdir, List<AddedPath> added, List<(AddedPath Path, int At)> own)
    {
        var movedAway = false;
        foreach (var command in script.Commands)
        {
            if (command.Span.End <= rm.Span.Start && command.Unwrap().IsNamed("cd", "pushd", "popd"))
            {
                movedAway = true;
                break;
            }
        }
        foreach (var word in rm.PositionalArguments)
        {
            if (movedAway && !word.Value.StartsWith('/'))
                continue;
            if (Removed(context, run, word.Value, workdir) is not { } removed || InMount(run, workdir, removed))
                continue;
            foreach (var earlier in added)
            {
                if (Deletes(context, removed, earlier) && !RewrittenBefore(own, rm.Span.Start, earlier.Path))
                    return (removed, earlier);
            }
        }
        return null;
    }

    private static bool InMount(RunInstructionSyntax run, string workdir, string removed)
    {
        var mounts = run.Mounts;
        for (var i = 0; i < mounts.Count; i++)
        {
            if (mounts[i].Target is { } target && LayerFiles.Covers(LayerFiles.Resolve(workdir, target), removed, true))
                return true;
        }
        return false;
    }

    /// <summary>True when the RUN itself writes the path (or a path inside or around it) before <paramref name="before"/>: it cleans its own layer.</summary>
    private static bool RewrittenBefore(List<(AddedPath Path, int At)> own, int before, string path)
    {
        foreach (var (written, at) in own)
        {
            if (at < before && (LayerFiles.Covers(written.Path, path, true) || LayerFiles.Covers(path, written.Path, true)))
                return true;
        }
        return false;
    }

    /// <summary>The last RUN with an rm in the order layers are built (base stage first), or null when no RUN removes anything.</summary>
    private static RunInstructionSyntax? LastRunWithRm(RuleContext context)
    {
        var stages = context.ImageStages;
        for (var s = 0; s < stages.Count; s++)
        {
            if (stages[s].IsWindows)
                continue;
            var instructions = stages[s].Instructions;
            for (var i = instructions.Count - 1; i >= 0; i--)
            {
                if (instructions[i] is RunInstructionSyntax run && context.Script(run) is { } script && RunsRm(script.Script))
                    return run;
            }
        }
        return null;
    }

    private static bool RunsRm(ShellScript script)
    {
        foreach (var command in script.Commands)
        {
            if (command.Unwrap().IsNamed("rm"))
                return true;
        }
        return false;
    }

    /// <summary>The absolute path an rm argument names, with ARG/ENV variables expanded; null when it depends on the script's own variables.</summary>
    private static string? Removed(RuleContext context, RunInstructionSyntax run, string word, string workdir)
    {
        if (word.Contains('$'))
        {
            if (context.Model.Expand(run, word) is not { Succeeded: true, Unmatched.Count: 0 } expanded || expanded.Value.Contains('$'))
                return null;
            word = expanded.Value;
        }
        if (word.Length == 0 || word.Contains('`') || word.StartsWith('~'))
            return null;
        var path = LayerFiles.Resolve(workdir, word);
        return path == "/" || path == "/*" ? null : path;
    }

    private static bool Deletes(RuleContext context, string removed, AddedPath added)
    {
        if (added.ContextFolder is null)
            return LayerFiles.Covers(removed, added.Path, added.IsTree);
        // A folder copied from the context: only what the context shows was copied.
        if (!LayerFiles.IsInside(removed, added.Path) || removed.AsSpan().IndexOfAny("*?[") >= 0)
            return false;
        return context.BuildContext.Exists(Path.Combine(added.ContextFolder, removed[(added.Path.Length + 1)..]));
    }

    private static bool IsRoot(RuleContext context, Stage stage, RunInstructionSyntax run) =>
        stage.UserAt(run) is not { User: { } user } instruction
        || (context.Model.Expand(instruction, user) is { Succeeded: true } r ? r.Value : user) is "root" or "0";
}
