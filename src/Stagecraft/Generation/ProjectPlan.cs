namespace Stagecraft.Generation;

/// <summary>
/// What <c>stagecraft init</c> found out about an application, every choice with its evidence: the input of the
/// Dockerfile and .dockerignore writers, and what <c>init --explain</c> prints.
/// </summary>
public sealed record ProjectPlan
{
    /// <summary>The application's folder, where the Dockerfile is written (full path).</summary>
    public required string AppDirectory { get; init; }

    /// <summary>The folder to build from: the application's folder, or the Go module root above it (full path).</summary>
    public required string ContextDirectory { get; init; }

    public required Decided<Stack> Stack { get; init; }

    public required Decided<PackageManagerKind> PackageManager { get; init; }

    /// <summary>The runtime or toolchain version, precise (<c>22.20.0</c>, <c>3.12.11</c>, <c>1.24.9</c>).</summary>
    public required Decided<string> Version { get; init; }

    /// <summary>The web framework or application kind (Next.js, Django, …), when one was recognised.</summary>
    public Decided<string>? Framework { get; init; }

    /// <summary>The command the final image runs, as exec-form words.</summary>
    public required Decided<IReadOnlyList<string>> Start { get; init; }

    /// <summary>The port the application listens on, when known.</summary>
    public Decided<int>? Port { get; init; }

    /// <summary>The HTTP path the health check asks (only with a port).</summary>
    public Decided<string>? HealthPath { get; init; }

    /// <summary>The shell command the <c>test</c> stage runs, when the project has tests.</summary>
    public Decided<string>? Test { get; init; }

    /// <summary>The image the dependencies are installed and the application built on.</summary>
    public required Decided<string> BuildImage { get; init; }

    /// <summary>The image the final stage starts from.</summary>
    public required Decided<string> RuntimeImage { get; init; }

    /// <summary>Things the user should know or do (a missing lockfile, a setting the framework needs).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public NodeProject? Node { get; init; }

    public PythonProject? Python { get; init; }

    public GoProject? Go { get; init; }

    /// <summary>The Dockerfile's path relative to the build context, with '/' (<c>Dockerfile</c> unless the context is a folder above).</summary>
    public string DockerfileInContext => ContextDirectory == AppDirectory
        ? "Dockerfile"
        : Path.GetRelativePath(ContextDirectory, Path.Combine(AppDirectory, "Dockerfile")).Replace('\\', '/');

    /// <summary>
    /// The .dockerignore's file name: the context's own when the Dockerfile sits at its root, otherwise
    /// <c>Dockerfile.dockerignore</c> beside the Dockerfile, which BuildKit prefers for that Dockerfile.
    /// </summary>
    public string DockerIgnoreFileName => ContextDirectory == AppDirectory ? ".dockerignore" : "Dockerfile.dockerignore";
}

/// <summary>What kind of Node.js application a plan builds.</summary>
public enum NodeAppKind
{
    /// <summary>A server started with node.</summary>
    Server,

    /// <summary>A Next.js application, run from its standalone output.</summary>
    NextStandalone,

    /// <summary>A single-page application built to static files and served by nginx.</summary>
    StaticSite,
}

/// <summary>Node.js specifics of a plan.</summary>
/// <param name="Manifests">The files copied before the install, relative to the context (package.json, the lockfile, .yarnrc.yml…).</param>
/// <param name="BuildScript">The package.json script that builds the application, if any.</param>
/// <param name="BuildOutput">The folder the build writes (relative), if any.</param>
/// <param name="HasLockfile">False when no lockfile exists, so installs cannot be exact.</param>
public sealed record NodeProject(NodeAppKind Kind, IReadOnlyList<string> Manifests, Decided<string>? BuildScript, Decided<string>? BuildOutput, bool HasLockfile);

/// <summary>Python specifics of a plan.</summary>
/// <param name="Manifests">The files copied before the install (requirements.txt, pyproject.toml, the lockfile…).</param>
/// <param name="NativePackages">Dependencies that compile C extensions when no wheel fits; they need the full build image.</param>
/// <param name="RuntimeLibraries">Debian packages the final image needs for those extensions, with version pins.</param>
/// <param name="DevRequirements">A requirements file with the test dependencies (pip only), if any.</param>
public sealed record PythonProject(IReadOnlyList<string> Manifests, Decided<IReadOnlyList<string>> NativePackages, IReadOnlyList<string> RuntimeLibraries,
    string? DevRequirements);

/// <summary>Go specifics of a plan.</summary>
/// <param name="MainPackage">The main package to build, as a path relative to the module root, which is the build context (<c>.</c>, <c>./cmd/api</c>).</param>
/// <param name="Binary">The name of the built program.</param>
/// <param name="HasGoSum">Whether go.sum exists (a module without dependencies has none).</param>
public sealed record GoProject(Decided<string> MainPackage, string Binary, bool HasGoSum);
