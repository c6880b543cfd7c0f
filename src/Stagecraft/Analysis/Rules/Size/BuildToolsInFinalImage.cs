using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>
/// Compilers, build drivers, headers or an SDK base image left in the image the build produces, where they cost size
/// and give an attacker a toolchain.
/// </summary>
public sealed class BuildToolsInFinalImage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG012", "build-tools-in-final-image",
        "Compilers or build tools left in the final image", Severity.Info, RuleCategory.Size);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Build-tool packages (compilers such as gcc, g++, clang, build-essential, build-base and JDKs; make, cmake, autotools, pkg-config; `*-dev`/`*-devel` headers; git and other version control) installed with apt, apk, yum/dnf or zypper in the final stage or the stages it is built FROM. Not reported: a package the same RUN removes again (`apt-get purge`, `apk del` of the package or of its `--virtual` group, the apt-mark auto + `purge --auto-remove` idiom) or keeps on purpose by naming it in `apt-mark manual`; anything added to buildpack-deps (not its -curl or -scm variants), which already ships gcc, make and the common headers because it is a build image, the base of the official images' full variants; and header packages installed apart from any compiler or build tool in an image that compiles a program from source (make, cmake, configure, meson, ninja) and removes that build's dependencies — the author sorted packages into build time and run time, and some programs need a -dev package at run time (masscan loads the unversioned libpcap.so that only libpcap-dev ships; the official python images keep headers so pip can build extensions). Headers next to a compiler, or kept by an image that installs project dependencies rather than building a program, are still reported: the runtime library (libpq rather than postgresql-dev) is usually what is needed. When the final image is built on an SDK or JDK image (golang, rust, gcc, maven, gradle, dotnet/sdk, *-jdk, openjdk), that one FROM is reported instead of the packages added to it. Images that set up a language toolchain themselves (ENV GOPATH, GOROOT, CARGO_HOME, RUSTUP_HOME, MAVEN_HOME, GRADLE_HOME) are toolchain images, and development targets (a final stage named dev, dev-envs, test, debug, ci, lint or validate, or a Dockerfile under .devcontainer) need their tools; both are left alone. An app on a full language image (python:3.12, node:22) that adds gcc or make still keeps them: reported. Information only: some images need a compiler at run time (bcc and bpftrace compile BPF programs, dev containers, CI images).",
        WhyItMatters: "build-essential adds about 250 MB to a Debian image and build-base about 200 MB to Alpine; golang and maven images are 500–800 MB against a few MB to 200 MB for the runtime the program needs. A compiler in a production container lets anyone who gets a shell build exploits in place, and every extra package is more CVEs for scanners to report. Removing packages in a later RUN does not help: the bytes stay in the earlier layer.",
        Bad: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2 && rm -rf /var/lib/apt/lists/*",
        Good: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2 \\\n && apt-get purge -y --auto-remove gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n# or build wheels in a builder stage and COPY them in",
        FixSafety: "No automatic fix: whether a package is needed at run time (git for a deploy tool, make as a task runner) only the author knows, and a builder stage is a larger rewrite.",
        Options: "Toolchain images that exist to provide a compiler (dev containers, CI images) can turn the rule off with `# stagecraft global ignore=STG012`.");

    private static readonly string[] ToolchainVariables = ["GOPATH", "GOROOT", "GOLANG_VERSION", "RUSTUP_HOME", "CARGO_HOME", "MAVEN_HOME", "GRADLE_HOME"];

    public override void Check(RuleContext context)
    {
        if (DevelopmentImages.IsDevelopmentImage(context) || context.ImageStages.Count == 0)
            return;
        var root = context.ImageStages[^1];
        if (root is { Base.Kind: StageBaseKind.Image, From.Image: { } image })
        {
            if (BuildTools.RuntimeInsteadOf(root.Base.Reference) is { } runtime)
            {
                // One finding on the SDK base says it all; the packages added to it are part of the same choice.
                context.Report(image.Span, $"the final image is built on {root.Base.Reference}, an SDK with the whole toolchain: build in a separate stage and run the result on {runtime}", root);
                return;
            }
            if (BuildTools.IsToolchainBase(root.Base.Reference))
                return; // buildpack-deps ships gcc, make and the common headers: what is added to it serves the same purpose
        }
        if (SetsToolchainVariable(context.ImageStages))
            return; // the image installs a language toolchain itself, so compilers are its purpose
        bool? sortsBuildDependencies = null;
        foreach (var stage in context.ImageStages)
        {
            if (stage.IsWindows)
                continue;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is not RunInstructionSyntax run || context.Script(run) is not { } script)
                    continue;
                foreach (var command in script.Script.Commands)
                {
                    if (SystemPackages.ReadInstall(command.Unwrap()) is not { } install)
                        continue;
                    PackageRemovals? removals = null;
                    bool? withTools = null;
                    foreach (var word in install.Packages)
                    {
                        if (word.HasExpansion)
                            continue;
                        var name = SystemPackages.Name(word.Value);
                        if (BuildTools.Classify(name) is not { } kind)
                            continue;
                        removals ??= SystemPackages.RemovalsAfter(script.Script, install);
                        if (removals.Removes(name) || removals.KeepsOnPurpose(name))
                            continue;
                        // Headers installed apart from any compiler, in an image that builds from source and removes its build
                        // dependencies, were sorted to the run-time side on purpose.
                        if (kind == BuildToolKind.Headers && !(withTools ??= BuildTools.InstallsAny(install, BuildToolKind.Compiler, BuildToolKind.BuildDriver)) && (sortsBuildDependencies ??= SortsBuildDependencies(context)))
                            continue;
                        context.Report(script.ToFileSpan(word.Span), Message(name, kind), stage);
                    }
                }
            }
        }
    }

    private static bool SetsToolchainVariable(ItemList<Stage> stages)
    {
        foreach (var stage in stages)
        {
            foreach (var env in stage.Instructions.OfType<EnvInstructionSyntax>())
            {
                var pairs = env.Pairs;
                for (var i = 0; i < pairs.Count; i++)
                {
                    if (Array.IndexOf(ToolchainVariables, pairs[i].Key) >= 0)
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>True when a RUN of the image compiles from source (make, cmake, configure, …) and removes every package of an install again.</summary>
    private static bool SortsBuildDependencies(RuleContext context)
    {
        foreach (var stage in context.ImageStages)
        {
            foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
            {
                if (context.Script(run) is not { } script)
                    continue;
                var compiles = false;
                var installs = new List<SystemPackageInstall>();
                foreach (var command in script.Script.Commands)
                {
                    var effective = command.Unwrap();
                    compiles |= effective.IsNamed("make", "gmake", "cmake", "ninja", "meson", "configure");
                    if (SystemPackages.ReadInstall(effective) is { Packages.Count: > 0 } install)
                        installs.Add(install);
                }
                if (compiles && installs.Any(i => SystemPackages.RemovalsAfter(script.Script, i).RemovesAll()))
                    return true;
            }
        }
        return false;
    }

    private static string Message(string name, BuildToolKind kind) => kind switch
    {
        BuildToolKind.Compiler => $"{name} is a compiler and stays in the final image: remove it in the same RUN after use (apt-get purge / apk del --virtual) or build in a separate stage",
        BuildToolKind.Headers => $"{name} holds build headers and stays in the final image: install only the runtime library, or purge {name} in the same RUN after building",
        BuildToolKind.VersionControl => $"{name} stays in the final image: if it is only needed to fetch sources, remove it in the same RUN or fetch in a separate stage",
        _ => $"{name} is a build tool and stays in the final image: remove it in the same RUN after use, or build in a separate stage",
    };
}
