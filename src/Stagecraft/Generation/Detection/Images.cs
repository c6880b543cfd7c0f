namespace Stagecraft.Generation.Detection;

/// <summary>
/// Base images the plans use besides the language images, pinned to a release. Debian bookworm is the family for the
/// language images: every supported version publishes it, and its bookworm-slim runtime matches the build images' libc.
/// </summary>
internal static class Images
{
    /// <summary>nginx that runs as an unprivileged user and listens on 8080.</summary>
    public const string Nginx = "nginxinc/nginx-unprivileged:1.28.0-alpine";

    /// <summary>A static busybox whose wget answers the health check of images without a shell.</summary>
    public const string Busybox = "busybox:1.37.0-musl";

    public const string Scratch = "scratch";

    /// <summary>uv's image, for its static binary.</summary>
    public const string Uv = "ghcr.io/astral-sh/uv:0.9.0";

    /// <summary>Tools installed with pip in the build stage, pinned.</summary>
    public const string PoetryVersion = "2.1.3";

    public const string PipenvVersion = "2024.4.0";

    /// <summary>glibc's C runtime without a shell or package manager: the final stage of a Rust binary linked against glibc.</summary>
    public const string DistrolessCc = "gcr.io/distroless/cc-debian12:nonroot";

    /// <summary>Maven and Gradle for projects without a wrapper (3.9.11: Maven's 2025-07 release; 9.5.1: Gradle's 2026-05 release).</summary>
    public const string MavenVersion = "3.9.11";

    public const string GradleVersion = "9.5.1";

    /// <summary>Composer's image (2.9.8, 2026-05-13), which has git, unzip and the zip extension for downloads.</summary>
    public const string Composer = "composer:2.9.8";

    public const string DotNetRegistry = "mcr.microsoft.com/dotnet";
}
