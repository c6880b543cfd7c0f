using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Cache;

/// <summary>STG008: the whole context is copied but no .dockerignore keeps .git (and node_modules) out of it.</summary>
public sealed class DockerignoreMissingOrIncomplete : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG008", "dockerignore-missing-or-incomplete",
        "Whole context copied without a .dockerignore that excludes .git and node_modules", Severity.Warning, RuleCategory.Cache);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A Dockerfile that copies the whole build context (`COPY . .`, `ADD .`) when the context has no .dockerignore (neither `<context>/.dockerignore` nor `<Dockerfile>.dockerignore` beside the Dockerfile), or has one that does not exclude `.git` (when the context has it) or `node_modules` (when the context has a package.json). A warning when the context really holds .git or node_modules, info otherwise. Quiet when the context is unknown (a Dockerfile read from standard input) and when only named files are copied: BuildKit then sends only those.",
        WhyItMatters: "`COPY . .` sends and copies everything: .git (often hundreds of MB, and it changes on every commit, so the copy and every later layer miss the cache even when no source changed), a host node_modules built for another OS that overwrites the one installed in the image, local .env files with secrets, build output.",
        Bad: "# no .dockerignore\nFROM node:20-slim\nWORKDIR /app\nCOPY . .",
        Good: "# .dockerignore\n.git\nnode_modules\n.env\ndist\n\n# Dockerfile\nFROM node:20-slim\nWORKDIR /app\nCOPY . .",
        FixSafety: "Safe: creates `<context>/.dockerignore` with `.git` (and `node_modules` when the context has a package.json), or adds the missing lines at the end of the .dockerignore that applies. Nothing else is excluded, so the build sees the same files minus those folders. Marked unsafe when a RUN may need them: one runs `git` (or cannot be read as a shell script) while `.git` would go, or `node_modules` would go and no RUN runs npm, yarn, pnpm or bun to make its own.");

    public override void Check(RuleContext context)
    {
        var buildContext = context.BuildContext;
        if (!buildContext.IsKnown)
            return;
        var (copy, source) = FirstWholeContextCopy(context.Model);
        if (copy is null || source is null)
            return;
        var described = ContextCopies.Describe(copy, source);
        var node = buildContext.Exists("package.json");
        var ignore = buildContext.DockerIgnore;
        if (ignore is null)
        {
            var present = new[] { ".git", node ? "node_modules" : null }.Where(n => n is not null && buildContext.Exists(n)).ToArray();
            var including = present.Length > 0 ? ", including " + string.Join(" and ", present) : "";
            string[] lines = node ? [".git", "node_modules"] : [".git"];
            context.Report(source.Span,
                $"no .dockerignore for the build context {buildContext.Directory}: `{described}` sends and copies everything in it{including}; add one that excludes .git{(node ? ", node_modules" : "")} and build output",
                severity: present.Length > 0 ? null : Severity.Info,
                fix: new Fix("Create .dockerignore excluding " + string.Join(" and ", lines), Safety(context, lines), [])
                {
                    FileEdits = [new FileEdit(System.IO.Path.Combine(buildContext.Directory!, ".dockerignore"), FileEditKind.Create, FixHeader + string.Concat(lines.Select(l => l + "\n")))],
                });
            return;
        }
        var matcher = ignore.CreateMatcher();
        var missing = new[] { buildContext.Exists(".git") ? ".git" : null, node ? "node_modules" : null }
            .Where(n => n is not null && !ExcludesFolder(matcher, n!)).Select(n => n!).ToArray();
        if (missing.Length == 0)
            return;
        var name = ignore.Path is { } path ? System.IO.Path.GetFileName(path) : ".dockerignore";
        context.Report(source.Span,
            $"{name} does not exclude {string.Join(" or ", missing)}: `{described}` copies {(missing.Length == 1 ? "it" : "them")} into the image and any change there invalidates the copy",
            severity: missing.Any(buildContext.Exists) ? null : Severity.Info,
            fix: ignore.Path is null ? null : new Fix($"Add {string.Join(" and ", missing)} to {name}", Safety(context, missing), [])
            {
                FileEdits = [new FileEdit(ignore.Path, FileEditKind.Append, string.Concat(missing.Select(l => l + "\n")))],
            });
    }

    private const string FixHeader = "# Added by `stagecraft fix`: folders the image never needs from the build context.\n";

    /// <summary>Excluding a folder is unsafe when a RUN may read it: `git` needs .git; without an install step the image may use the copied node_modules.</summary>
    private static FixSafety Safety(RuleContext context, string[] lines)
    {
        // Plain loops: this rule reports in most repositories, and LINQ's generic iterators cost more than the walk.
        var gitGoes = Array.IndexOf(lines, ".git") >= 0;
        var nodeModulesGo = Array.IndexOf(lines, "node_modules") >= 0;
        var runsGit = false;
        var installsNodeModules = false;
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is not RunInstructionSyntax run)
                    continue;
                if (context.Script(run) is not { } script)
                {
                    if (gitGoes)
                        return FixSafety.Unsafe; // a RUN that cannot be read may run git
                    continue;
                }
                foreach (var command in script.Script.Commands)
                {
                    switch (command.Unwrap().BaseName)
                    {
                        case "git":
                            runsGit = true;
                            break;
                        case "npm" or "yarn" or "pnpm" or "bun":
                            installsNodeModules = true;
                            break;
                    }
                }
            }
        }
        if (gitGoes && runsGit)
            return FixSafety.Unsafe;
        return nodeModulesGo && !installsNodeModules ? FixSafety.Unsafe : FixSafety.Safe;
    }

    private static (InstructionSyntax? Copy, ArgumentSyntax? Source) FirstWholeContextCopy(SemanticModel model)
    {
        foreach (var stage in model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (ContextCopies.WholeContextSource(model, instruction) is { } source)
                    return (instruction, source);
            }
        }
        return (null, null);
    }

    /// <summary>A folder counts as excluded when its contents are: <c>.git/**</c> leaves an empty folder, which costs nothing.</summary>
    internal static bool ExcludesFolder(Context.DockerIgnoreMatcher matcher, string folder) =>
        matcher.IsExcluded(folder) || matcher.IsExcluded(folder + "/HEAD");
}
