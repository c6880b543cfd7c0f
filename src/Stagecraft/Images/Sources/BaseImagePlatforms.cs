using System.Collections.Concurrent;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources.Daemon;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Semantics;

namespace Stagecraft.Images.Sources;

/// <summary>Where <c>stagecraft lint --base-images</c> looks base images up.</summary>
[Flags]
public enum BaseImageSources
{
    None = 0,
    /// <summary>The local Docker engine's images (what a classic <c>docker build</c> uses without pulling).</summary>
    Daemon = 1,
    /// <summary>The image's registry (manifests and config only; no layer is downloaded).</summary>
    Registry = 2,
    /// <summary>The engine first, then the registry, as a bare name is opened.</summary>
    Auto = Daemon | Registry,
}

/// <summary>
/// Finds base images' platforms for rules (BuildKit's InvalidBaseImagePlatform) from the local Docker engine and the
/// registries. Each image is asked once per run, whatever the number of Dockerfiles naming it; failures become notes and
/// leave the image unknown, so a lint never fails because a registry is unreachable.
/// </summary>
public sealed class BaseImagePlatforms : IBaseImageLookup
{
    private readonly BaseImageSources _sources;
    private readonly ImageSourceEnvironment _environment;
    private readonly Func<DockerImageName, ImagePlatform?> _enginePlatform;
    private readonly ImageReadOptions _options;
    private readonly ConcurrentDictionary<(string Reference, Platform Requested), Lazy<BaseImageMetadata?>> _answers = new();
    private readonly ConcurrentQueue<string> _notes = new();

    public BaseImagePlatforms(BaseImageSources sources, bool insecure = false, CancellationToken cancellation = default)
        : this(sources, ImageSourceEnvironment.Default, name => DockerDaemonSource.PlatformOf(name, null, cancellation),
            new ImageReadOptions { Insecure = insecure, Cancellation = cancellation })
    {
    }

    internal BaseImagePlatforms(BaseImageSources sources, ImageSourceEnvironment environment, Func<DockerImageName, ImagePlatform?> enginePlatform,
        ImageReadOptions options)
    {
        _sources = sources;
        _environment = environment;
        _enginePlatform = enginePlatform;
        _options = options;
    }

    /// <summary>What could not be looked up and why, one line each, in the order it happened.</summary>
    public IReadOnlyList<string> Notes => [.. _notes];

    public BaseImageMetadata? Find(string reference, Platform requested) =>
        _answers.GetOrAdd((reference, requested), key => new Lazy<BaseImageMetadata?>(() => Look(key.Reference, key.Requested))).Value;

    private BaseImageMetadata? Look(string reference, Platform requested)
    {
        DockerImageName name;
        try
        {
            name = DockerImageName.Parse(reference);
        }
        catch (ImageReferenceException)
        {
            return null;
        }
        var misses = new List<string>();
        if (_sources.HasFlag(BaseImageSources.Daemon))
        {
            try
            {
                if (_enginePlatform(name) is { } local)
                    return new BaseImageMetadata(reference, ToPlatform(local), "the local Docker engine's image");
                misses.Add("the local Docker engine has no such image");
            }
            catch (ImageReadException e)
            {
                misses.Add(e.Message);
            }
        }
        if (_sources.HasFlag(BaseImageSources.Registry))
        {
            try
            {
                if (FromRegistry(name, requested) is { } remote)
                    return new BaseImageMetadata(reference, ToPlatform(remote), "registry " + name.Registry);
            }
            catch (ImageReadException e)
            {
                misses.Add(e.Message);
            }
        }
        if (misses.Count > 0)
            _notes.Enqueue($"base image {reference} not looked up: {string.Join("; ", misses)}");
        return null;
    }

    /// <summary>
    /// The platform a pull for <paramref name="requested"/> gets: the matching entry of a manifest list, or a single-platform
    /// image whatever its platform (a registry serves it for any request, which is what the rule is about). Null when a
    /// list has no entry for the platform: the build would fail to pull, which is another problem.
    /// </summary>
    private ImagePlatform? FromRegistry(DockerImageName name, Platform requested)
    {
        var wanted = new ImagePlatform(requested.OS, requested.Architecture, requested.Variant);
        var notes = new List<string>();
        try
        {
            var image = RegistryImageResolver.Resolve(name, name.ToString(), _options with { Platform = wanted }, _environment.Registry, notes);
            using var owner = image.Owner;
            return OciLayoutReader.PlatformOf(image.Config);
        }
        catch (ImageSelectionException)
        {
            var any = RegistryImageResolver.Resolve(name, name.ToString(), _options with { Platform = null }, _environment.Registry, notes);
            using var owner = any.Owner;
            return any.ChosenFromIndex ? null : OciLayoutReader.PlatformOf(any.Config);
        }
    }

    private static Platform ToPlatform(ImagePlatform platform) => new(platform.Os, platform.Architecture, platform.Variant);
}
