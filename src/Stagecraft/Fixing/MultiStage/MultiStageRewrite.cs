using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// Turns a single-stage Dockerfile that builds its application into a builder stage (the original instructions, named
/// <c>build</c>) and a runtime stage on a minimal base that copies only what runs. The result is text edits: every
/// instruction the builder keeps stays byte for byte; image settings move with their comments. Files too unusual to
/// rewrite safely are refused with a reason.
/// </summary>
public static class MultiStageRewrite
{
    public const string BuilderName = "build";

    /// <summary>Rewrites the file of <paramref name="model"/>; <paramref name="context"/> gives the build context when known.</summary>
    public static MultiStageOutcome Rewrite(SemanticModel model, BuildContext? context = null)
    {
        if (model.Stages.Count == 0)
            return MultiStageOutcome.Refused("the Dockerfile has no FROM");
        if (model.Stages.Count > 1)
            return MultiStageOutcome.Refused($"the Dockerfile has {model.Stages.Count} stages already");
        var stage = model.Stages[0];
        return StageBuilds.Find(model, stage) is { } step
            ? Rewrite(model, context ?? BuildContext.None, stage, step)
            : MultiStageOutcome.Refused("no build command (go build, cargo build, mvn package, dotnet publish, npm run build, pip install with a compiler, …) was found");
    }

    internal static MultiStageOutcome Rewrite(SemanticModel model, BuildContext context, Stage stage, BuildStep step)
    {
        if (Unusual(model, stage) is { } reason)
            return MultiStageOutcome.Refused(reason);
        var facts = new BuildFacts(model, stage, step, context);
        if (facts.BaseImage is null)
            return MultiStageOutcome.Refused($"the base image `{stage.Base.Reference}` cannot be read");
        if (facts.FinalDirectory is null)
            return MultiStageOutcome.Refused("a WORKDIR names a variable that cannot be expanded");
        if (StackRecipes.For(step.Build.Ecosystem) is not { } recipe)
            return MultiStageOutcome.Refused($"no runtime is known for `{step.Build.Description}` builds");
        var result = recipe.Plan(facts);
        if (result.Plan is not { } plan)
            return MultiStageOutcome.Refused(result.Refusal!);

        if (RuntimeNeeds.UnknownHeaders(facts.OsPackages) is [_, ..] unknown)
            return MultiStageOutcome.Refused($"the runtime library behind {string.Join(", ", unknown)} is not known, so the runtime stage could miss it");
        var packages = facts.RuntimePackages;
        if (packages.Count > 0)
        {
            // The runtime installs with the builder's package manager: the runtime base is of the same family.
            var manager = facts.OsPackages[0].Manager;
            if (plan.PackageManager != manager)
                return MultiStageOutcome.Refused($"the runtime needs {string.Join(", ", packages.Select(SystemPackages.Name))} from {manager}, which {plan.BaseImage} cannot install");
        }
        if (facts.NeedsShell && !plan.HasShell)
            return MultiStageOutcome.Refused($"a shell-form command needs /bin/sh, which {plan.BaseImage} lacks");

        var split = new StageSplit(model.Tree, stage);
        var edits = Edits(model.Tree, stage, facts, plan, split);
        var fix = new Fix($"split into a `{StageName(stage)}` stage and a runtime stage on {plan.BaseImage} with only the {plan.Summary}", FixSafety.Unsafe, edits);
        return Verify(model.Tree, edits) is { } problem ? MultiStageOutcome.Refused(problem) : new MultiStageOutcome(fix, null);
    }

    private static string? Unusual(SemanticModel model, Stage stage)
    {
        if (model.Tree.HasErrors)
            return "the Dockerfile does not parse";
        if (stage.IsWindows)
            return "Windows images are not rewritten";
        if (stage.OnbuildTriggers.Count > 0)
            return "ONBUILD triggers run in the images built FROM this one, which a builder stage would no longer be";
        if (stage.Instructions.Any(i => i is ShellInstructionSyntax))
            return "a SHELL instruction changes how commands run, in the builder and in the image";
        if (stage.Base.Kind != StageBaseKind.Image)
            return "the stage does not start from an image";
        if (!stage.Instructions.Any(i => i is CmdInstructionSyntax or EntrypointInstructionSyntax))
            return "the image sets no CMD or ENTRYPOINT, so it is a build environment rather than an application to run";
        if (stage.Base.Reference.Contains('$') || stage.Platform is not null)
            return "the base image is chosen by a variable or a --platform flag";
        return null;
    }

    private static string StageName(Stage stage) => stage.Name ?? BuilderName;

    private static List<TextEdit> Edits(SyntaxTree tree, Stage stage, BuildFacts facts, RuntimePlan plan, StageSplit split)
    {
        var eol = LineEnding(tree);
        var lower = stage.From.Keyword.All(c => !char.IsUpper(c));
        string K(string keyword) => lower ? keyword.ToLowerInvariant() : keyword;
        var items = new List<TextEdit>();
        if (stage.Name is null)
            items.Add(TextEdit.Insert(stage.From.Image!.Span.End, $" {K("AS")} {BuilderName}"));
        items.AddRange(plan.BuilderEdits);
        items.AddRange(split.Deleted.Select(TextEdit.Delete));
        if (plan.BuilderTail.Count > 0 && split.LastKept is { } last)
            items.Add(TextEdit.Insert(last.Span.End, (EndsWithNewline(tree, last.Span) ? "" : eol) + string.Concat(plan.BuilderTail.Select(t => t + eol))));

        var text = new StringBuilder();
        var needsNewline = !split.EndsDeleted && tree.Source.Length > 0 && !EndsWithNewline(tree, new TextSpan(0, tree.Source.Length));
        if (needsNewline)
            text.Append(eol);
        text.Append(eol).Append(K("FROM")).Append(' ').Append(plan.BaseImage).Append(eol);
        var repeated = split.Repeated.Select(i => Line(tree, i.Span, eol)).ToList();
        var moved = split.Moved.Select(s => Line(tree, s, eol)).ToList();
        if (facts.FinalDirectory is { } workdir && workdir != "/")
            text.Append(K("WORKDIR")).Append(' ').Append(workdir).Append(eol);
        foreach (var line in repeated)
            text.Append(line);
        if (facts.RuntimePackages.Count > 0)
            text.Append(K("RUN")).Append(' ').Append(InstallCommand(plan.PackageManager!, facts.RuntimePackages)).Append(eol);
        if (RuntimeUser.NeedsAccounts(facts, plan))
            text.Append(K("COPY")).Append($" --from={StageName(stage)} /etc/passwd /etc/group /etc/").Append(eol);
        foreach (var copy in plan.Copies)
        {
            // A path with a blank needs the JSON form; the shell form would split it.
            var paths = copy.Source.Any(char.IsWhiteSpace) || copy.Destination.Any(char.IsWhiteSpace)
                ? $"[\"{copy.Source}\", \"{copy.Destination}\"]"
                : $"{copy.Source} {copy.Destination}";
            text.Append(K("COPY")).Append($" --from={StageName(stage)} {paths}").Append(eol);
        }
        if (split.KeptUser is { } user)
            text.Append(Line(tree, user.Span, eol));
        else if (facts.FinalUser is null && plan.UserWhenUnset is { } unprivileged)
            text.Append(K("USER")).Append(' ').Append(unprivileged).Append(eol);
        foreach (var line in moved)
            text.Append(line);
        items.Add(TextEdit.Insert(tree.Source.Length, text.ToString()));
        return Coalesce(items);
    }

    private static string InstallCommand(string manager, IReadOnlyList<string> packages) => manager == "apk"
        ? "apk add --no-cache " + string.Join(' ', packages)
        : "apt-get update && apt-get install -y --no-install-recommends " + string.Join(' ', packages) + " && rm -rf /var/lib/apt/lists/*";

    /// <summary>Edits that touch or overlap become one, so any applier gives the same result: the deletions and inserts here meet only at node boundaries.</summary>
    private static List<TextEdit> Coalesce(List<TextEdit> items)
    {
        var ordered = items.Select((e, i) => (e, i)).OrderBy(x => x.e.Span.Start).ThenBy(x => x.e.Span.Length == 0 ? 1 : 0).ThenBy(x => x.i).Select(x => x.e).ToList();
        var result = new List<TextEdit>();
        foreach (var edit in ordered)
        {
            if (result.Count > 0 && edit.Span.Start <= result[^1].Span.End && (edit.Span.Length > 0 || result[^1].Span.Length > 0 || edit.Span.Start == result[^1].Span.Start))
            {
                var previous = result[^1];
                result[^1] = new TextEdit(TextSpan.FromBounds(previous.Span.Start, Math.Max(previous.Span.End, edit.Span.End)), previous.NewText + edit.NewText);
            }
            else
                result.Add(edit);
        }
        return result;
    }

    /// <summary>The rewrite must parse and have its two stages; anything else is a bug better reported as a refusal than applied.</summary>
    private static string? Verify(SyntaxTree tree, IReadOnlyList<TextEdit> edits)
    {
        var rewritten = SyntaxTree.Parse(EditPreview.Apply(tree.Source.Bytes, edits));
        return !rewritten.HasErrors && SemanticModel.Build(rewritten).Stages.Count == 2 ? null : "the rewritten file would not parse (please report this Dockerfile)";
    }

    private static string Line(SyntaxTree tree, TextSpan span, string eol)
    {
        var text = tree.GetText(span);
        return text.EndsWith('\n') ? text : text + eol;
    }

    private static bool EndsWithNewline(SyntaxTree tree, TextSpan span) => span.Length > 0 && tree.Source.Bytes[span.End - 1] == (byte)'\n';

    private static string LineEnding(SyntaxTree tree) => tree.Source.Bytes.IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
}
