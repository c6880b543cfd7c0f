namespace Stagecraft.Generation;

/// <summary>
/// What <c>stagecraft init</c> found out about an application, every choice with its evidence: the input of the
/// Dockerfile and .dockerignore writers, and what <c>init --explain</c> prints.
/// </summary>
public sealed record ProjectPlan
{
    /// <summary>The application's folder, where the Dockerfile is written (full path).</summary>
    public required string AppDirectory { get; init; }

    /// <summary>The folder to build from: the application's folder, or the module, workspace or solution root above it (full path).</summary>
    public required string ContextDirectory { get; init; }

    /// <summary>Why the context is a folder above the application (<c>the Go module root</c>), shown by <c>--explain</c>.</summary>
    public string ContextReason { get; init; } = "the Go module root";

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

    public RustProject? Rust { get; init; }

    public JavaProject? Java { get; init; }

    public DotNetProject? DotNet { get; init; }

    public RubyProject? Ruby { get; init; }

    public PhpProject? Php { get; init; }

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

/// <summary>Rust specifics of a plan.</summary>
/// <param name="Binary">The binary cargo builds (a <c>[[bin]]</c> name or the package name).</param>
/// <param name="Package">The package to build in a workspace (<c>cargo build -p</c>), or null for a single package.</param>
/// <param name="Manifests">Cargo.toml files and Cargo.lock, relative to the context, copied before the source.</param>
/// <param name="StubSources">The targets' source files (src/main.rs, src/lib.rs, build.rs…), relative to the context:
/// stubbed to build the dependencies from the manifests alone, then touched so cargo rebuilds them from the real source.</param>
/// <param name="Musl">A static musl binary (Alpine builder) for scratch or distroless-static, instead of glibc.</param>
public sealed record RustProject(Decided<string> Binary, string? Package, IReadOnlyList<string> Manifests, IReadOnlyList<string> StubSources, bool HasLockfile, Decided<bool> Musl);

/// <summary>How a Java application is packaged and started.</summary>
public enum JavaAppKind
{
    /// <summary>A Spring Boot jar, extracted into layers (dependencies first) and started from the extracted jar.</summary>
    SpringBoot,

    /// <summary>Gradle's application plugin: <c>installDist</c> writes a start script and a lib folder.</summary>
    Application,

    /// <summary>A jar started with <c>java -jar</c>, which runs only if it bundles its dependencies (or has none).</summary>
    PlainJar,
}

/// <summary>Java specifics of a plan.</summary>
/// <param name="Manifests">Build files copied before the source (pom.xml, the wrapper, settings.gradle…), relative to the context.</param>
/// <param name="Module">The Maven module or Gradle project folder inside a multi-module build, relative to the context, or null.</param>
/// <param name="Wrapper">Whether mvnw or gradlew builds (on the JDK image) instead of the Maven or Gradle image.</param>
/// <param name="ArtifactName">The name of the Gradle project (installDist's folder and script), or the Maven artifactId.</param>
/// <param name="LegacyLayerTools">Spring Boot before 3.3 extracts with <c>-Djarmode=layertools</c> and starts JarLauncher.</param>
public sealed record JavaProject(Decided<JavaAppKind> Kind, IReadOnlyList<string> Manifests, string? Module, bool Wrapper, string ArtifactName, bool LegacyLayerTools, string? LauncherClass);

/// <summary>.NET specifics of a plan.</summary>
/// <param name="Project">The project file to publish, relative to the context.</param>
/// <param name="Assembly">The published assembly's name (AssemblyName, or the project file's name).</param>
/// <param name="Web">An ASP.NET Core project (Microsoft.NET.Sdk.Web), which runs on the aspnet image.</param>
/// <param name="SelfContained">Published self-contained (SelfContained, PublishTrimmed or PublishAot) onto runtime-deps.</param>
/// <param name="RestoreFiles">Project files and the build-wide files restore reads (Directory.Build.props, NuGet.config…), relative to the context.</param>
/// <param name="TestTarget">What <c>dotnet test</c> runs in the test stage (a solution or test project), or null.</param>
public sealed record DotNetProject(Decided<string> Project, string Assembly, bool Web, Decided<bool> SelfContained, IReadOnlyList<string> RestoreFiles, string? TestTarget);

/// <summary>Ruby specifics of a plan.</summary>
/// <param name="BundlerVersion">Gemfile.lock's BUNDLED WITH, installed before the gems, or null.</param>
/// <param name="Rails">A Rails application: RAILS_ENV=production, assets precompiled in the build stage, writable tmp/log/storage.</param>
/// <param name="PrecompileAssets">Whether the build runs <c>assets:precompile</c>.</param>
/// <param name="NativeGems">Gems that load a system library at run time (pg, mysql2…).</param>
/// <param name="RuntimeLibraries">Debian packages the final image needs for those gems, pinned.</param>
public sealed record RubyProject(string? BundlerVersion, bool Rails, bool PrecompileAssets, Decided<IReadOnlyList<string>> NativeGems, IReadOnlyList<string> RuntimeLibraries, bool HasLockfile);

/// <summary>PHP specifics of a plan.</summary>
/// <param name="Fpm">PHP-FPM (FastCGI on 9000, behind a web server) instead of Apache with mod_php.</param>
/// <param name="DocumentRoot">The folder Apache serves, relative to the app (<c>public</c>), or empty for the app folder.</param>
/// <param name="Extensions">Extensions the project requires (ext-*) that the php image does not have, built with docker-php-ext-install.</param>
/// <param name="BuildLibraries">Debian -dev packages those extensions compile against (build stage only).</param>
/// <param name="RuntimeLibraries">Debian packages those extensions load at run time, pinned.</param>
/// <param name="WritableFolders">Folders the framework writes at run time (Laravel's storage, Symfony's var), owned by the runtime user.</param>
public sealed record PhpProject(Decided<bool> Fpm, Decided<string> DocumentRoot, Decided<IReadOnlyList<string>> Extensions, IReadOnlyList<string> BuildLibraries,
    IReadOnlyList<string> RuntimeLibraries, IReadOnlyList<string> WritableFolders, bool HasLockfile, IReadOnlyList<string> Environment);
