using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Fixing.MultiStage;
using Stagecraft.Semantics;

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
        Flags: "The first build command (go build/install, cargo build, mvn package, gradle build, dotnet publish/build, npm/yarn/pnpm run build, tsc, make) in a Dockerfile with a single stage; for Python, which has no build command, the first `pip install`, `python -m compileall`, `poetry install` or `uv sync` after a compiler or `-dev` headers were installed and kept. A RUN that removes its own build dependencies afterwards (`apk del .build-deps`, `apt-get purge`, the apt-mark auto idiom) is a deliberate one-layer build and is left alone, as are ONBUILD triggers and Windows stages.",
        WhyItMatters: "The image keeps the compiler, the package caches, the sources and the intermediate objects. golang:1.23 is about 800 MB while a static Go binary on distroless/static is 2 MB plus the binary; a Maven JDK image is about 500 MB against 200 MB for a JRE; a Node app keeps its dev dependencies and sources. A multi-stage build compiles in one stage and COPYs only the result into a small runtime stage, which also shrinks what a vulnerability scanner has to report.",
        Bad: "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]",
        Good: "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD [\"/app\"]",
        FixSafety: "Unsafe, applied only with `stagecraft fix --multi-stage`: the file becomes a `build` stage (the original instructions, byte for byte) and a runtime stage that copies only what runs to the same paths: the Go binary (on scratch with CA certificates, adding `CGO_ENABLED=0` to the build unless the sources import \"C\" or `-dev` headers are installed), the Rust binary, the jar (on the Eclipse Temurin JRE), the `dotnet publish -o` folder (on the ASP.NET image), the Node app folder after `npm prune --omit=dev` (on the slim variant of the same node image), or the installed Python packages and the app folders (on the slim python image). CMD, ENTRYPOINT, EXPOSE, HEALTHCHECK, LABEL and trailing ENV/USER move with their comments; WORKDIR, earlier ENV and USER are repeated. Compilers, headers and tools stay in the builder; `lib*` packages, the runtime library of known `-dev` packages, CA certificates and a program the CMD or HEALTHCHECK starts are installed in the runtime stage. Files with several stages, ONBUILD, SHELL, an unknown stack or an output the file does not show are refused, and the finding's fix says why.");

    public override void Check(RuleContext context)
    {
        if (context.Model.Stages is not [{ IsWindows: false } stage] || StageBuilds.Find(context.Model, stage) is not { } step)
            return;
        var build = step.Build;
        var output = build.Output is { } o ? $" and COPY its output ({o})" : build.Ecosystem == "python" ? " and COPY the installed packages" : " and COPY its output";
        var rewrite = MultiStageRewrite.Rewrite(context.Model, context.BuildContext, stage, step);
        // A refusal travels as a fix that is never applied, so `fix --multi-stage` can say why it left the file alone.
        var fix = rewrite.Fix ?? new Fix($"no multi-stage rewrite: {rewrite.Refusal}", FixSafety.DisplayOnly, []);
        context.Report(step.Script.ToFileSpan(build.Command.Span),
            $"single-stage build: `{build.Description}` runs on {stage.Base.Reference}, so the image keeps the toolchain and sources; build in a separate stage{output} into {RuntimeFor(build.Ecosystem, stage)}",
            stage, fix);
    }

    private static string RuntimeFor(string ecosystem, Stage stage) => ecosystem switch
    {
        "go" => "scratch with CA certificates or gcr.io/distroless/static-debian12 (built with CGO_ENABLED=0)",
        "rust" => "gcr.io/distroless/cc-debian12 or debian:bookworm-slim",
        "java" => "a JRE image such as eclipse-temurin:21-jre",
        "dotnet" => "mcr.microsoft.com/dotnet/aspnet or mcr.microsoft.com/dotnet/runtime",
        "node" => $"a runtime stage from {stage.Base.Reference} with production dependencies only (or nginx for a static bundle)",
        "python" => $"the slim variant of {stage.Base.Reference}, without the compiler",
        _ => "a slim runtime image with only the libraries the program needs",
    };
}
