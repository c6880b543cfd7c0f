namespace Stagecraft.Semantics;

/// <summary>What a build is asked for: build arguments, the target stage and platforms. Defaults match a plain <c>docker build</c> on linux/amd64.</summary>
public sealed record BuildSettings
{
    public static BuildSettings Default { get; } = new();

    /// <summary>Values given with <c>--build-arg NAME=value</c>.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The <c>--target</c> stage name or index; null builds the last stage.</summary>
    public string? Target { get; init; }

    public Platform TargetPlatform { get; init; } = Platform.LinuxAmd64;

    public Platform BuildPlatform { get; init; } = Platform.LinuxAmd64;

    /// <summary>Where rules may look base images up; none by default, so a lint never touches the network or the engine unasked.</summary>
    public IBaseImageLookup BaseImages { get; init; } = BaseImageLookup.None;

    /// <summary>Where STG009's pin looks up the digest of the tag it writes; none by default (<c>stagecraft fix --pin-digests</c> asks the registry).</summary>
    public IImageDigestLookup ImageDigests { get; init; } = ImageDigestLookup.None;
}

/// <summary>An <c>os/arch[/variant]</c> platform.</summary>
public sealed record Platform(string OS, string Architecture, string? Variant = null)
{
    public static Platform LinuxAmd64 { get; } = new("linux", "amd64");

    public override string ToString() => Variant is null ? $"{OS}/{Architecture}" : $"{OS}/{Architecture}/{Variant}";

    public static bool TryParse(string text, out Platform? platform)
    {
        var parts = text.Split('/');
        platform = parts.Length switch
        {
            2 when parts.All(p => p.Length > 0) => new Platform(parts[0], parts[1]),
            3 when parts.All(p => p.Length > 0) => new Platform(parts[0], parts[1], parts[2]),
            _ => null,
        };
        return platform is not null;
    }
}
