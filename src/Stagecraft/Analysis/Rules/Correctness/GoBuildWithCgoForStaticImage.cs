using System.Globalization;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// A <c>go build</c> whose output is copied into a scratch or distroless-static image while cgo may be on: the binary
/// then links against a C library the image does not have and fails to start ("no such file or directory").
/// </summary>
public sealed class GoBuildWithCgoForStaticImage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG017", "go-build-with-cgo-for-static-image",
        "Go binary for a scratch or distroless-static image is built without CGO_ENABLED=0", Severity.Warning, RuleCategory.Correctness);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`go build` or `go install` in a stage that the final image copies from (COPY --from, following the builder's FROM chain) when the final image is built on scratch or a distroless/chainguard static image and CGO_ENABLED=0 is not set: not on the command, not exported earlier in the RUN, not by ENV or ARG in scope, not by `go env -w`. Static link flags (`-extldflags -static`) and `-tags netgo` keep it quiet, as do golang:*-alpine builders on Go 1.20+ without gcc (cgo is off when there is no C compiler).",
        WhyItMatters: "cgo is on by default when a C compiler is present, and golang:<version> (Debian) ships gcc. A program importing net or os/user then links dynamically against glibc; scratch and distroless/static have no libc and no dynamic loader, so the container exits at once with `exec /app: no such file or directory`. Pure-Go programs that use neither package link statically anyway, which is the one case this rule gets wrong.",
        Bad: "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]",
        Good: "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]",
        FixSafety: "Unsafe: inserts `CGO_ENABLED=0 ` before `go`. A program that really needs cgo (sqlite3, librdkafka) then fails to build, or builds without the C-backed feature.");

    public override void Check(RuleContext context)
    {
        if (context.ImageStages.Count == 0 || StaticImageName(context.ImageStages[^1]) is not { } image)
            return;
        var reported = new HashSet<ShellCommand>();
        foreach (var (copy, source) in CopiesFromStages(context.ImageStages))
        {
            foreach (var stage in StageChain.Of(source))
            {
                foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
                {
                    if (context.Script(run) is not { } script)
                        continue;
                    foreach (var go in script.Script.FindCommands("go"))
                    {
                        if (go.PositionalArguments is not [{ Value: "build" or "install" }, ..] || reported.Contains(go)
                            || !MayCopyOutput(context, stage, run, script.Script, go, copy) || CgoIsOff(context, stage, run, script.Script, go))
                            continue;
                        reported.Add(go);
                        var at = script.ToFileOffset(go.NameWord!.Span.Start);
                        context.Report(TextSpan.FromBounds(at, script.ToFileSpan(go.Span).End),
                            $"`go {go.PositionalArguments[0].Value}` may link against libc (cgo is on by default where gcc is installed) and its output is copied on line {copy.StartLine} into {image}, which has no C library: set CGO_ENABLED=0",
                            stage, new Fix("Build with CGO_ENABLED=0", FixSafety.Unsafe, [TextEdit.Insert(at, "CGO_ENABLED=0 ")]));
                    }
                }
            }
        }
    }

    private static List<(CopyInstructionSyntax Copy, Stage Source)> CopiesFromStages(ItemList<Stage> stages)
    {
        var copies = new List<(CopyInstructionSyntax, Stage)>();
        foreach (var stage in stages)
        {
            foreach (var reference in stage.References)
            {
                if (reference.Instruction is CopyInstructionSyntax copy && reference.Stage is { } source)
                    copies.Add((copy, source));
            }
        }
        return copies;
    }

    private static string? StaticImageName(Stage root)
    {
        if (root.Base.Kind == StageBaseKind.Scratch)
            return "scratch";
        var (repository, _) = BuildTools.Split(root.Base.Reference.ToLowerInvariant());
        return repository.StartsWith("gcr.io/distroless/static", StringComparison.Ordinal) || repository is "cgr.dev/chainguard/static" or "chainguard/static"
            ? root.Base.Reference : null;
    }

    /// <summary>False only when the build names its output with -o and the COPY takes nothing at, above or below that path.</summary>
    private static bool MayCopyOutput(RuleContext context, Stage stage, RunInstructionSyntax run, ShellScript script, ShellCommand go, CopyInstructionSyntax copy)
    {
        var output = go.GetOptionValue("-o");
        var movedAway = script.Commands.Any(c => c.Span.End <= go.Span.Start && c.IsNamed("cd"));
        if (output is null || output.Contains('$') || (!output.StartsWith('/') && movedAway) || stage.WorkingDirectoryAt(run) is not { } workdir)
            return true;
        var built = LayerFiles.Resolve(workdir, output);
        return copy.PathSources.Select(s => context.Model.Expand(copy, s.Value) is { Succeeded: true } r ? r.Value : s.Value).Any(source =>
            source.IndexOfAny(['$', '*', '?', '[']) >= 0 || LayerFiles.Resolve("/", source) is var copied
                && (copied == built || built.StartsWith(copied.TrimEnd('/') + "/", StringComparison.Ordinal) || copied.StartsWith(built + "/", StringComparison.Ordinal)));
    }

    private static bool CgoIsOff(RuleContext context, Stage stage, RunInstructionSyntax run, ShellScript script, ShellCommand go)
    {
        var assigned = go.Assignments.LastOrDefault(a => a.Name == "CGO_ENABLED");
        if (assigned is { Value: "0" } || assigned?.Word.HasExpansion == true
            || go.Arguments.Any(a => a.Value.Contains("-static", StringComparison.Ordinal) || a.Value.Contains("netgo", StringComparison.Ordinal)))
            return true;
        if (assigned is not null)
            return false;
        var earlier = script.Commands.Where(c => c.Span.End <= go.Span.Start).ToArray();
        if (earlier.Any(c => (c.Name is null || c.IsNamed("export")) && c.Words.Concat(c.Assignments.Select(a => a.Word)).Any(w => w.Value == "CGO_ENABLED=0")))
            return true;
        if (context.Model.ScopeAt(run).Find("CGO_ENABLED") is { } variable)
            return variable.Value is null or "0";
        var chain = StageChain.Of(stage).ToArray();
        if (chain.SelectMany(s => s.Instructions).OfType<RunInstructionSyntax>().Any(r => r.ArgumentsText.Contains("CGO_ENABLED=0", StringComparison.Ordinal) && r.ArgumentsText.Contains("go env -w", StringComparison.Ordinal)))
            return true;
        return IsAlpineWithoutCompiler(context, chain);
    }

    /// <summary>Since Go 1.20 cgo is off when no C compiler is found; golang:*-alpine has none unless the Dockerfile adds one.</summary>
    private static bool IsAlpineWithoutCompiler(RuleContext context, Stage[] chain)
    {
        var (repository, tag) = BuildTools.Split(chain[^1].Base.Reference.ToLowerInvariant());
        if (repository != "golang" || !tag.Contains("alpine", StringComparison.Ordinal))
            return false;
        var version = tag.Split('-')[0].Split('.');
        if (version.Length >= 2 && version[0] == "1" && int.TryParse(version[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) && minor < 20)
            return false;
        return !chain.SelectMany(s => s.Instructions).OfType<RunInstructionSyntax>()
            .Select(context.Script).Where(s => s is not null)
            .SelectMany(s => s!.Script.Commands.Select(c => SystemPackages.ReadInstall(c.Unwrap())))
            .Any(i => i is not null && i.Packages.Any(p => BuildTools.Classify(SystemPackages.Name(p.Value)) == BuildToolKind.Compiler || p.Value == "musl-dev"));
    }
}
