using Stagecraft.Images.Sources.Registry;

namespace Stagecraft.Images.Sources;

/// <summary>
/// What the image sources reach outside the process through: the local Docker engine (asked first for a bare name)
/// and the registry client's settings. <see cref="Default"/> is the real machine; tests pass fakes.
/// </summary>
internal sealed record ImageSourceEnvironment
{
    /// <summary>
    /// The real machine. The Docker engine source is wired here, in one line, as
    /// <c>Daemon = (name, options, notes) =&gt; …</c> returning <see cref="DaemonAnswer.Found"/> or <see cref="DaemonAnswer.Missing"/>.
    /// </summary>
    public static ImageSourceEnvironment Default { get; } = new();

    /// <summary>Looks a bare name up in the local Docker engine; null when this build has no engine source (bare names then go to the registry).</summary>
    public DaemonLookup? Daemon { get; init; }

    public RegistrySettings Registry { get; init; } = RegistrySettings.Default;
}

/// <summary>
/// Asks the local Docker engine for an image by name. Returns <see cref="DaemonAnswer.Missing"/> (saying why) when no
/// engine answers or it does not have the image, so the caller can try the registry; throws when the engine has the
/// image but it cannot be read.
/// </summary>
internal delegate DaemonAnswer DaemonLookup(DockerImageName name, ImageReadOptions options, List<string> notes);

/// <summary>The Docker engine's answer to a bare name: the image, or why it could not give it ("no engine answers at /var/run/docker.sock").</summary>
internal sealed record DaemonAnswer(ResolvedImage? Image, string? WhyNot)
{
    public static DaemonAnswer Found(ResolvedImage image) => new(image, null);

    public static DaemonAnswer Missing(string whyNot) => new(null, whyNot);
}
