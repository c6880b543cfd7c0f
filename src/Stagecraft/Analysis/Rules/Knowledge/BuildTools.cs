
namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>How much a build-time package costs in a runtime image.</summary>
internal enum BuildToolKind
{
    /// <summary>A compiler or compiler meta-package (gcc, g++, clang, build-essential, build-base): the largest and riskiest.</summary>
    Compiler,
    /// <summary>A build driver or generator (make, cmake, autoconf, pkg-config, ...).</summary>
    BuildDriver,
    /// <summary>Development headers and static libraries (<c>*-dev</c>, <c>*-devel</c>).</summary>
    Headers,
    /// <summary>Version control (git, mercurial, subversion), which some apps need at run time.</summary>
    VersionControl,
}

/// <summary>Build tools by package name, and base images that are SDKs or toolchains rather than runtimes.</summary>
internal static class BuildTools
{
    private static readonly HashSet<string> Compilers = new(StringComparer.Ordinal)
    {
        "gcc", "g++", "c++", "cpp", "clang", "llvm", "build-essential", "build-base", "alpine-sdk", "gcc-c++", "gfortran",
        "gcc-gfortran", "rustc", "cargo", "golang", "golang-go", "go", "default-jdk", "default-jdk-headless",
        "development tools", "@development-tools",
    };

    private static readonly HashSet<string> Drivers = new(StringComparer.Ordinal)
    {
        "make", "cmake", "ninja-build", "ninja", "meson", "autoconf", "automake", "libtool", "pkg-config", "pkgconf",
        "pkgconfig", "bison", "flex", "dpkg-dev", "scons", "maven", "gradle", "ant",
    };

    private static readonly HashSet<string> VersionControl = new(StringComparer.Ordinal) { "git", "mercurial", "subversion", "bzr" };

    /// <summary>True when the install takes a package of either kind.</summary>
    public static bool InstallsAny(SystemPackageInstall install, BuildToolKind kind, BuildToolKind otherKind)
    {
        foreach (var package in install.Packages)
        {
            if (Classify(SystemPackages.Name(package.Value)) is { } found && (found == kind || found == otherKind))
                return true;
        }
        return false;
    }

    /// <summary>Classifies an OS package name (version already stripped), or null when it is not a build tool.</summary>
    public static BuildToolKind? Classify(string package)
    {
        if (Compilers.Contains(package) || IsVersionedCompiler(package))
            return BuildToolKind.Compiler;
        if (Drivers.Contains(package))
            return BuildToolKind.BuildDriver;
        if (VersionControl.Contains(package))
            return BuildToolKind.VersionControl;
        if (package.EndsWith("-dev", StringComparison.Ordinal) || package.EndsWith("-devel", StringComparison.Ordinal)
            || package is "musl-dev" or "libc6-dev" or "linux-headers")
            return BuildToolKind.Headers;
        return null;
    }

    /// <summary>
    /// When a base image reference (registry, tag or digest included) is an SDK or a JDK, what to run on instead;
    /// null for runtime images. Node and Python images are runtimes, so they are not listed; nor is buildpack-deps, the base of the full python, node and ruby images, which are runtimes with build tools on purpose.
    /// </summary>
    public static string? RuntimeInsteadOf(string reference)
    {
        var (repository, tag) = Split(reference.ToLowerInvariant());
        return repository switch
        {
            "golang" => "a static binary on gcr.io/distroless/static or scratch",
            "rust" => "the compiled binary on debian:*-slim or gcr.io/distroless/cc",
            "gcc" => "the compiled binary on debian:*-slim or gcr.io/distroless/cc",
            "maven" or "gradle" => "the jar on a JRE image such as eclipse-temurin:<version>-jre",
            "mcr.microsoft.com/dotnet/sdk" => "mcr.microsoft.com/dotnet/aspnet or mcr.microsoft.com/dotnet/runtime",
            "eclipse-temurin" or "ibm-semeru-runtimes" when tag.Contains("jdk", StringComparison.Ordinal) => $"{repository}:{tag.Replace("jdk", "jre", StringComparison.Ordinal)}",
            "openjdk" when !tag.Contains("jre", StringComparison.Ordinal) => "a JRE image such as eclipse-temurin:<version>-jre",
            _ => null,
        };
    }

    /// <summary>
    /// True for buildpack-deps in its full variant (not -curl or -scm): a toolchain image by design, with gcc, make and the
    /// common -dev headers, and the base of the official images' full variants.
    /// </summary>
    public static bool IsToolchainBase(string reference)
    {
        var (repository, tag) = Split(reference.ToLowerInvariant());
        return repository == "buildpack-deps" && !tag.EndsWith("curl", StringComparison.Ordinal) && !tag.EndsWith("scm", StringComparison.Ordinal);
    }

    private static readonly string[] HubPrefixes = ["docker.io/library/", "index.docker.io/library/", "docker.io/", "library/"];

    /// <summary>Splits an image reference into repository (without docker.io/library/) and tag (empty when none).</summary>
    public static (string Repository, string Tag) Split(string reference)
    {
        var at = reference.IndexOf('@');
        if (at >= 0)
            reference = reference[..at];
        var colon = reference.LastIndexOf(':');
        var tag = colon > reference.LastIndexOf('/') ? reference[(colon + 1)..] : "";
        var repository = colon > reference.LastIndexOf('/') ? reference[..colon] : reference;
        foreach (var prefix in HubPrefixes)
        {
            if (repository.StartsWith(prefix, StringComparison.Ordinal))
                repository = repository[prefix.Length..];
        }
        return (repository, tag);
    }

    private static readonly string[] VersionedCompilerNames = ["gcc", "g++", "clang", "cpp", "gfortran", "llvm"];

    /// <summary>
    /// A compiler package with its version in the name: gcc-12, g++12, clang-16, openjdk-17-jdk-headless, java-17-openjdk-devel,
    /// golang-1.22-go. Matched by hand (see TextPatterns) as the regex
    /// <c>^((gcc|g\+\+|clang|cpp|gfortran|llvm)-?[0-9][0-9.]*|openjdk-?[0-9]+(-jdk(-headless)?)?|java-[0-9.]+-openjdk-devel|golang-[0-9.]+(-go)?)$</c>.
    /// </summary>
    internal static bool IsVersionedCompiler(string package)
    {
        var text = TextPatterns.BeforeEnd(package);
        foreach (var name in VersionedCompilerNames)
        {
            if (!text.StartsWith(name, StringComparison.Ordinal))
                continue;
            var version = text[name.Length..];
            if (version is ['-', ..])
                version = version[1..];
            if (version is [var first, ..] && char.IsAsciiDigit(first) && IsVersion(version))
                return true;
        }
        if (text.StartsWith("openjdk", StringComparison.Ordinal))
        {
            var rest = text[7..];
            if (rest is ['-', ..])
                rest = rest[1..];
            var digits = rest.IndexOfAnyExceptInRange('0', '9') is var end and >= 0 ? end : rest.Length;
            return digits > 0 && rest[digits..] is "" or "-jdk" or "-jdk-headless";
        }
        if (text.StartsWith("java-", StringComparison.Ordinal) && text.EndsWith("-openjdk-devel", StringComparison.Ordinal))
            return text.Length > "java-".Length + "-openjdk-devel".Length && IsVersion(text["java-".Length..^"-openjdk-devel".Length]);
        if (text.StartsWith("golang-", StringComparison.Ordinal))
        {
            var rest = text["golang-".Length..];
            if (rest.EndsWith("-go", StringComparison.Ordinal) && rest.Length > 3 && IsVersion(rest[..^3]))
                return true;
            return rest.Length > 0 && IsVersion(rest);
        }
        return false;
    }

    private static bool IsVersion(ReadOnlySpan<char> text) => !text.ContainsAnyExcept("0123456789.");
}
