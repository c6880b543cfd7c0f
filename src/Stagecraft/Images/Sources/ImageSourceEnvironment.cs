using Stagecraft.Images.Sources.Daemon;
using Stagecraft.Images.Sources.Registry;

namespace Stagecraft.Images.Sources;

/// <summary>
/// What the image sources reach outside the process through: the local Docker engine (asked first for a bare name)
/// and the registry client's settings. <see cref="Default"/> is the real machine; tests pass fakes.
/// </summary>
internal sealed record ImageSourceEnvironment
{
    /// <summary>The real machine: the engine at DOCKER_HOST or /var/run/docker.sock, and the registries.</summary>
    public static ImageSourceEnvironment Default { get; } = new()
    {
        Daemon = static (reference, options) => DockerDaemonSource.HasImage(reference.Name, out var whyNot, options.Cancellation)
            ? DaemonAnswer.Found(() => DockerDaemonSource.Open(new DockerDaemonReference(reference.Name, null), options, requested: reference))
            : DaemonAnswer.Missing(whyNot),
    };

    /// <summary>Looks a bare name up in the local Docker engine; null when this build has no engine source (bare names then go to the registry).</summary>
    public DaemonLookup? Daemon { get; init; }

    public RegistrySettings Registry { get; init; } = RegistrySettings.Default;
}

/// <summary>
/// Asks the local Docker engine for an image by name. Returns <see cref="DaemonAnswer.Missing"/> (saying why) when no
/// engine answers or it does not have the image, so the caller can try the registry; throws when the engine has the
/// image but it cannot be read.
/// </summary>
internal delegate DaemonAnswer DaemonLookup(ImageNameReference reference, ImageReadOptions options);

/// <summary>The Docker engine's answer to a bare name: how to open its image, or why it cannot give it ("no engine answers at /var/run/docker.sock").</summary>
internal sealed record DaemonAnswer(Func<OpenedImage>? Open, string? WhyNot)
{
    public static DaemonAnswer Found(Func<OpenedImage> open) => new(open, null);

    public static DaemonAnswer Missing(string whyNot) => new(null, whyNot);
}
