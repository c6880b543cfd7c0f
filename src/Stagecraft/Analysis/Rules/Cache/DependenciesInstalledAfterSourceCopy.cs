using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Cache;

/// <summary>STG001: dependencies are installed after the whole build context was copied, so any source change re-installs them.</summary>
public sealed class DependenciesInstalledAfterSourceCopy : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG001", "dependencies-installed-after-source-copy",
        "Dependencies installed after copying the whole source", Severity.Warning, RuleCategory.Cache);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A dependency install (`npm ci`, `yarn`, `pnpm install`, `pip install -r`, `poetry install`, `uv sync`, `pipenv install`, `go mod download`, `bundle install`, `composer install`, `cargo fetch`, `mvn dependency:…`, `gradle dependencies`, `dotnet restore`) that runs after `COPY . .` in the same stage, when the manifests were not copied and installed before it. As info: a build that downloads dependencies itself (`go build`, `cargo build`, `mvn package`, `gradle build`, `dotnet publish`, `pip install .`) after `COPY . .` with no earlier dependency step and no cache mount for the downloads.",
        WhyItMatters: "BuildKit reuses a layer only while everything before it is unchanged. After `COPY . .`, editing any source file invalidates the install, so every build downloads and installs all dependencies again: typically 30 s to several minutes per build, for a few seconds of actual compile work.",
        Bad: "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build",
        Good: "FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build",
        FixSafety: "Safe when the build context shows the manifests are all the step reads (npm, yarn, pnpm: a package.json without install or prepare scripts, workspaces or local `file:`/`link:` dependencies; pip: requirements files without `-e`, `-r`, `-c` or local paths; `go mod download`: a go.mod without a local replace), unsafe otherwise: inserts `COPY <manifests> <dest>` and the install (or, for Go, `go mod download`) before the whole-context copy, and moves the install out of its RUN when it leads it. The manifests are the files found in the build context, or the ecosystem's usual names when the context is unknown. The install may need more than the manifests (`.npmrc`, workspace packages, local path dependencies, postinstall scripts), so an unsafe fix needs review. No fix when WORKDIR, USER, ENV, ARG or SHELL change between the copy and the install, or when the manifests' names cannot be known (.NET project files).");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.IsWindows)
                continue;
            Walk(context, stage, stage.Instructions, triggers: false);
            Walk(context, stage, stage.OnbuildTriggers, triggers: true);
        }
    }

    /// <summary>Walks a stage's instructions, or its ONBUILD triggers (which run in that order in a later build; no fix for them).</summary>
    private static void Walk(RuleContext context, Stage stage, ItemList<InstructionSyntax> instructions, bool triggers)
    {
        // Nothing to report without a whole-context copy: find it before reading any script.
        int copyIndex = -1;
        ArgumentSyntax? wholeSource = null;
        for (var i = 0; i < instructions.Count && copyIndex < 0; i++)
        {
            if (ContextCopies.WholeContextSource(context.Model, instructions[i]) is { } source)
                (copyIndex, wholeSource) = (i, source);
        }
        if (copyIndex < 0)
            return;
        HashSet<string>? prepared = null;
        HashSet<string>? reported = null;
        for (var i = 0; i < instructions.Count; i++)
        {
            if (i == copyIndex || instructions[i] is not RunInstructionSyntax run || context.Script(run) is not { } script)
                continue;
            foreach (var command in script.Script.Commands)
            {
                if (DependencyInstalls.Classify(command.Unwrap()) is not { } step)
                    continue;
                if (i < copyIndex)
                {
                    if (step.Kind == DependencyStepKind.Install)
                        (prepared ??= new(StringComparer.Ordinal)).Add(step.Ecosystem);
                    continue;
                }
                var cached = CacheCoverage.Keeps(CacheCoverage.MountsOf(context.Model, run),
                    CacheCoverage.Locate(step.Manager, command.Unwrap(), stage.ScopeAt(run), null), CacheUse.BetweenBuilds);
                if (prepared?.Contains(step.Ecosystem) == true || (step.Kind == DependencyStepKind.Build && cached)
                    || !(reported ??= new(StringComparer.Ordinal)).Add(step.Ecosystem))
                    continue;
                var copy = instructions[copyIndex];
                var manifests = Manifests(context.BuildContext, step);
                var names = manifests ?? [.. step.Required, .. step.Usual];
                var advice = step.Kind == DependencyStepKind.Install ? $"copy {Join(names)} first and install before copying the rest"
                    : step.Prefetch is not null ? $"copy {Join(names)} and run `{step.Prefetch}` before it"
                    : $"fetch the dependencies from {Join(names)} in a step before the copy, or mount a cache on their downloads";
                var line = context.Tree.GetPosition(copy.KeywordSpan.Start).Line;
                var fix = manifests is null || triggers ? null : DependencyManifestFix.Create(context, instructions, copyIndex, run, script, command, step, manifests);
                context.Report(script.ToFileSpan(command.Span),
                    $"`{step.Display}` runs after `{ContextCopies.Describe(copy, wholeSource!)}` (line {line}), so every source change repeats it: {advice}",
                    stage, fix, step.Kind == DependencyStepKind.Build || cached ? Severity.Info : null);
            }
        }
    }

    /// <summary>
    /// The manifest files to copy first: those the context has, or the usual names when it is unknown; null when a required
    /// one is missing. Patterns (<c>*.csproj</c>) cannot be checked and are kept.
    /// </summary>
    private static string[]? Manifests(BuildContext buildContext, DependencyStep step)
    {
        if (!buildContext.IsKnown)
            return [.. step.Required, .. step.Usual];
        if (!step.Required.All(name => name.Contains('*') || buildContext.Exists(name)))
            return null;
        return [.. step.Required, .. step.Usual.Where(buildContext.Exists), .. step.IfPresent.Where(buildContext.Exists)];
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
