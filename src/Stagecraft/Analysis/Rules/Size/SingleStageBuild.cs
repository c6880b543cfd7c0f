using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>
/// A Dockerfile with one stage that compiles or bundles the application, so the image ships the toolchain, the sources
/// and the intermediate files along with the result.
/// </summary>
public sealed class SingleStageBuild : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG013", "single-stage-build",
        "Single-stage Dockerfile compiles or bundles the application", Severity.Info, RuleCategory.Size);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "The first build command (go build/install, cargo build, mvn package, gradle build, dotnet publish/build, npm/yarn/pnpm run build, tsc, make) in a Dockerfile with a single stage. A RUN that removes its own build dependencies afterwards (`apk del .build-deps`, `apt-get purge`, the apt-mark auto idiom) is a deliberate one-layer build and is left alone, as are ONBUILD triggers and Windows stages.",
        WhyItMatters: "The image keeps the compiler, the package caches, the sources and the intermediate objects. golang:1.23 is about 800 MB while a static Go binary on distroless/static is 2 MB plus the binary; a Maven JDK image is about 500 MB against 200 MB for a JRE; a Node app keeps its dev dependencies and sources. A multi-stage build compiles in one stage and COPYs only the result into a small runtime stage, which also shrinks what a vulnerability scanner has to report.",
        Bad: "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]",
        Good: "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD [\"/app\"]",
        FixSafety: "No automatic fix here: the message names the build command, the base image, the output when the command shows it and a runtime image to copy it into, which is what a multi-stage rewrite needs.");

    public override void Check(RuleContext context)
    {
        if (context.Model.Stages is not [{ IsWindows: false } stage])
            return;
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            if (context.Script(run) is not { } script)
                continue;
            var commands = script.Script.Commands.Select(c => c.Unwrap()).ToArray();
            var build = commands.Select(SourceBuilds.Read).FirstOrDefault(b => b is not null);
            if (build is null || CleansUpAfter(commands, build.Command))
                continue;
            var output = build.Output is { } o ? $" and COPY its output ({o})" : " and COPY its output";
            context.Report(script.ToFileSpan(build.Command.Span),
                $"single-stage build: `{build.Description}` runs on {stage.Base.Reference}, so the image keeps the toolchain and sources; build in a separate stage{output} into {RuntimeFor(build.Ecosystem, stage)}",
                stage);
            return;
        }
    }

    /// <summary>
    /// A RUN that builds and then removes its build dependencies, or the source folder it built in (<c>cd /usr/src/x</c> …
    /// <c>rm -rf /usr/src/x</c>), keeps them out of its layer already.
    /// </summary>
    private static bool CleansUpAfter(ShellCommand[] commands, ShellCommand build)
    {
        var after = commands.Where(c => c.Span.Start > build.Span.Start).ToArray();
        if (after.Any(c => (c.IsNamed("apk") && c.HasArgument("del"))
            || (c.IsNamed("apt-get", "apt") && (c.HasArgument("purge") || c.HasArgument("autoremove")))
            || (c.IsNamed("yum", "dnf") && (c.HasArgument("remove") || c.HasArgument("autoremove")))))
            return true;
        var folder = commands.LastOrDefault(c => c.Span.Start < build.Span.Start && c.IsNamed("cd") && c.Depth == 0)?.PositionalArguments.FirstOrDefault()?.Value;
        return folder is not null && folder.StartsWith('/')
            && after.Any(c => c.IsNamed("rm") && c.PositionalArguments.Any(a => folder.TrimEnd('/') == a.Value.TrimEnd('/') || folder.StartsWith(a.Value.TrimEnd('/') + "/", StringComparison.Ordinal)));
    }

    private static string RuntimeFor(string ecosystem, Stage stage) => ecosystem switch
    {
        "go" => "gcr.io/distroless/static-debian12 (built with CGO_ENABLED=0)",
        "rust" => "gcr.io/distroless/cc-debian12 or debian:bookworm-slim",
        "java" => "a JRE image such as eclipse-temurin:21-jre",
        "dotnet" => "mcr.microsoft.com/dotnet/aspnet or mcr.microsoft.com/dotnet/runtime",
        "node" => $"a runtime stage from {stage.Base.Reference} with production dependencies only (or nginx for a static bundle)",
        _ => "a slim runtime image with only the libraries the program needs",
    };
}
