using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// Resolves <c>docker://HOST/REPO[:TAG|@DIGEST]</c>: the manifest or index (its digest checked against the
/// reference's digest or the registry's Docker-Content-Digest), the platform out of an index, the config blob
/// (digest and size checked), and the layers as blobs streamed from the registry when the layer workers read them.
/// </summary>
internal sealed class RegistryImageResolver
{
    private const int MaxIndexDepth = 4;

    private readonly RegistryClient _client;
    private readonly string _display;
    private readonly Dictionary<BlobDigest, (string MediaType, OciManifestJson Document)> _manifests = [];

    private RegistryImageResolver(RegistryClient client, string display)
    {
        _client = client;
        _display = display;
    }

    /// <summary>Resolves the image; the returned image owns the HTTP client, which stays open until its layers are read.</summary>
    public static ResolvedImage Resolve(DockerImageName name, string display, ImageReadOptions options, RegistrySettings settings, List<string> notes)
    {
        var client = new RegistryClient(RegistryEndpoint.For(name.Registry), name.Repository, display, settings, options.Insecure, options.Cancellation, notes);
        try
        {
            return new RegistryImageResolver(client, display).Resolve(name, options.Platform) with { Owner = client };
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private ResolvedImage Resolve(DockerImageName name, ImagePlatform? wanted)
    {
        var reference = name.Digest?.ToString() ?? name.Tag ?? "latest";
        var (topDigest, topType, top) = Fetch(reference, name.Digest, null, _display);
        var candidates = new List<ImageCandidate<(BlobDigest Digest, long? Size)>>();
        if (IsIndex(topType, top))
            Flatten(top, topDigest, 0, candidates, []);
        else
            candidates.Add(new((topDigest, null), null, () => OciLayoutReader.PlatformOf(ReadManifestAndConfig(topDigest, null).Config)));
        if (candidates.Count == 0)
            throw new ImageFormatException(_display, $"the index {topDigest} lists no image manifest");

        var (chosen, choice, count) = PlatformSelection.Choose(candidates, wanted, _display);
        var image = ReadImage(chosen.Digest, chosen.Size, name);
        return image with { PlatformNote = PlatformSelection.Note(choice, OciLayoutReader.PlatformOf(image.Config), count), ChosenFromIndex = IsIndex(topType, top) };
    }

    private void Flatten(OciManifestJson index, BlobDigest indexDigest, int depth,
        List<ImageCandidate<(BlobDigest, long?)>> candidates, HashSet<BlobDigest> visited)
    {
        var where = Where(indexDigest);
        if (depth >= MaxIndexDepth)
            throw new ImageFormatException(where, $"nests image indexes more than {MaxIndexDepth} deep");
        if (!visited.Add(indexDigest))
            throw new ImageFormatException(where, "is an image index that lists itself");
        foreach (var descriptor in index.Manifests ?? [])
        {
            // BuildKit's provenance and SBOM attestations are manifests of platform unknown/unknown.
            if (descriptor.Platform is { Os: "unknown", Architecture: "unknown" }
                || descriptor.Annotations?.GetValueOrDefault("vnd.docker.reference.type") == "attestation-manifest")
            {
                continue;
            }
            var digest = JsonBlobs.Digest(descriptor.Digest, where, "a manifest");
            if (ManifestMediaTypes.IsIndex(descriptor.MediaType))
            {
                var (_, _, child) = Fetch(digest.ToString(), digest, descriptor.Size, Where(digest));
                Flatten(child, digest, depth + 1, candidates, visited);
                continue;
            }
            if (descriptor.MediaType is not null && !ManifestMediaTypes.IsManifest(descriptor.MediaType))
                continue;
            var declared = descriptor.Platform is { Os: { } os, Architecture: { } architecture } platform
                ? new ImagePlatform(os, architecture, platform.Variant)
                : null;
            var size = descriptor.Size;
            candidates.Add(new((digest, size), declared, () => OciLayoutReader.PlatformOf(ReadManifestAndConfig(digest, size).Config)));
        }
    }

    private ResolvedImage ReadImage(BlobDigest manifestDigest, long? manifestSize, DockerImageName name)
    {
        var (mediaType, manifest, configDigest, config) = ReadManifestAndConfig(manifestDigest, manifestSize);
        var layerDescriptors = manifest.Layers!;
        if (config.DiffIds.Count != layerDescriptors.Count)
            throw new ImageFormatException(ConfigWhere(configDigest), $"lists {config.DiffIds.Count} diff ids but the manifest has {layerDescriptors.Count} layers");

        var layers = new LayerBlob[layerDescriptors.Count];
        for (var index = 0; index < layers.Length; index++)
        {
            var descriptor = layerDescriptors[index];
            var digest = JsonBlobs.Digest(descriptor.Digest, Where(manifestDigest), $"layer {index}");
            var where = $"{_display}: layer {index} (blob {digest})";
            if (descriptor.Urls is [var url, ..] && IsForeignLayer(descriptor.MediaType))
                throw new ImageFormatException(where, $"is a foreign layer kept at {url}, outside the registry; it is not downloaded");
            var diffId = JsonBlobs.Digest(config.DiffIds[index], ConfigWhere(configDigest), $"the diff id of layer {index}");
            var size = descriptor.Size;
            layers[index] = new LayerBlob(index, where, () => new RegistryBlobStream(_client, digest, size, where), size,
                digest, size, diffId, descriptor.MediaType, descriptor.Annotations);
        }
        var tags = name.Tag is { } tag ? [$"{name.Registry}/{name.Repository}:{tag}"] : Array.Empty<string>();
        return new ResolvedImage(config, configDigest, manifestDigest, mediaType, tags, layers, "");
    }

    private (string MediaType, OciManifestJson Manifest, BlobDigest ConfigDigest, ImageConfig Config) ReadManifestAndConfig(BlobDigest digest, long? size)
    {
        var where = Where(digest);
        if (!_manifests.TryGetValue(digest, out var known))
        {
            var fetched = Fetch(digest.ToString(), digest, size, where);
            known = (fetched.MediaType, fetched.Document);
        }
        var (mediaType, manifest) = known;
        if (IsIndex(mediaType, manifest) || manifest.Config is not { } configDescriptor || manifest.Layers is null)
            throw new ImageFormatException(where, "is not an image manifest: it has no config or no layers");
        if (configDescriptor.MediaType is { } configType && !ManifestMediaTypes.IsImageConfig(configType))
            throw new ImageFormatException(where, $"is not a container image: its config has media type {configType}");
        var configDigest = JsonBlobs.Digest(configDescriptor.Digest, where, "its config");
        var configWhere = ConfigWhere(configDigest);
        var bytes = _client.GetBlobBytes(configDigest, configWhere);
        if (configDescriptor.Size is { } configSize && bytes.Length != configSize)
            throw new DigestMismatchException(configWhere, $"is {bytes.Length:N0} bytes but the manifest says {configSize:N0}");
        if (BlobDigest.Compute(configDigest.Algorithm, bytes) is var actual && actual != configDigest)
            throw new DigestMismatchException(configWhere, $"has digest {actual} but {configDigest} was expected");
        var config = JsonBlobs.Parse(bytes, ImageJsonContext.Default.ImageConfigJson, configWhere, "image config").ToImageConfig();
        return (mediaType, manifest, configDigest, config);
    }

    /// <summary>
    /// Fetches a manifest or index and checks its bytes: against the digest it was asked by, and against the
    /// registry's Docker-Content-Digest when asked by tag.
    /// </summary>
    private (BlobDigest Digest, string MediaType, OciManifestJson Document) Fetch(string reference, BlobDigest? expected, long? expectedSize, string where)
    {
        var (body, contentType, digestHeader) = _client.GetManifest(reference, where);
        if (expectedSize is { } size && body.Length != size)
            throw new DigestMismatchException(where, $"is {body.Length:N0} bytes but the index says {size:N0}");
        BlobDigest? announced = null;
        if (digestHeader is not null && !BlobDigest.TryParse(digestHeader.Trim(), out announced))
            announced = null;
        var actual = BlobDigest.Compute(expected?.Algorithm ?? announced?.Algorithm ?? "sha256", body);
        if (expected is not null && actual != expected)
            throw new DigestMismatchException(where, $"has digest {actual} but {expected} was asked for");
        if (announced is not null && BlobDigest.Compute(announced.Algorithm, body) is var computed && computed != announced)
            throw new DigestMismatchException(where, $"has digest {computed} but the registry's Docker-Content-Digest says {announced}");

        var document = JsonBlobs.Parse(body, ImageJsonContext.Default.OciManifestJson, where, "image manifest");
        var mediaType = MediaTypeOf(contentType, document);
        if (ManifestMediaTypes.IsSchema1(mediaType) || document.SchemaVersion == 1)
            throw new ImageFormatException(where, "is a Docker schema 1 manifest, which this reader does not support (push the image again with a current Docker)");
        _manifests[actual] = (mediaType, document);
        return (actual, mediaType, document);
    }

    /// <summary>The Content-Type when it names a manifest kind; else the document's mediaType; else what its fields say.</summary>
    private static string MediaTypeOf(string? contentType, OciManifestJson document)
    {
        if (ManifestMediaTypes.IsIndex(contentType) || ManifestMediaTypes.IsManifest(contentType) || ManifestMediaTypes.IsSchema1(contentType))
            return contentType!;
        if (document.MediaType is { Length: > 0 } declared)
            return declared;
        return document.Manifests is not null && document.Layers is null ? ManifestMediaTypes.OciIndex : ManifestMediaTypes.OciManifest;
    }

    private static bool IsIndex(string mediaType, OciManifestJson document) =>
        ManifestMediaTypes.IsIndex(mediaType) || (!ManifestMediaTypes.IsManifest(mediaType) && document.Manifests is not null && document.Layers is null);

    private static bool IsForeignLayer(string? mediaType) =>
        mediaType is not null && (mediaType.Contains(".foreign.", StringComparison.Ordinal) || mediaType.Contains(".nondistributable.", StringComparison.Ordinal));

    private string Where(BlobDigest manifest) => $"{_display}: manifest {manifest}";

    private string ConfigWhere(BlobDigest config) => $"{_display}: config (blob {config})";
}
