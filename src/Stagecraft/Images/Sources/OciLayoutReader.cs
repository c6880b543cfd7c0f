using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>
/// Resolves an OCI image layout (a folder, a tar of one, or the layout inside a Docker 25+ archive): index.json,
/// optional tag, nested indexes, platform, then the manifest and config — every blob's digest and size checked.
/// </summary>
internal sealed class OciLayoutReader(ImageStore store, List<string> notes)
{
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";
    private const string ImageNameAnnotation = "io.containerd.image.name";
    private const int MaxIndexDepth = 4;

    private readonly Dictionary<BlobDigest, byte[]> _blobs = [];

    /// <summary>The chosen image; <paramref name="tagHint"/> tells the user how to name one image when the layout holds several.</summary>
    public ResolvedImage Resolve(string? tag, ImagePlatform? wanted, string tagHint)
    {
        var candidates = Candidates(tag, tagHint);
        var (chosen, choice, count) = PlatformSelection.Choose(candidates, wanted, store.Where("index.json"));
        var image = ReadImage(chosen.Descriptor, chosen.Tag);
        var platform = PlatformOf(image.Config);
        return image with { PlatformNote = PlatformSelection.Note(choice, platform, count) };
    }

    /// <summary>Every image manifest the layout's index leads to (through nested indexes), whatever its tag.</summary>
    public IReadOnlyList<(OciDescriptorJson Descriptor, string? Tag)> AllManifests() =>
        Candidates(null, "", refuseSeveralTags: false).Select(c => c.Value).ToArray();

    /// <summary>The manifest at <paramref name="digest"/>, parsed (cached, so a later read costs nothing).</summary>
    public OciManifestJson Manifest(BlobDigest digest, long? size) =>
        JsonBlobs.Parse(Blob(digest, size, "manifest"), ImageJsonContext.Default.OciManifestJson, store.Where(JsonBlobs.BlobPath(digest)), "image manifest");

    private List<ImageCandidate<(OciDescriptorJson Descriptor, string? Tag)>> Candidates(string? tag, string tagHint, bool refuseSeveralTags = true)
    {
        CheckLayoutVersion();
        if (!store.Exists("index.json"))
            throw new ImageFormatException(store.Display, "is not an OCI image layout: it has no index.json");
        var index = JsonBlobs.Parse(JsonBlobs.Read(store, "index.json", null, null, "image index"),
            ImageJsonContext.Default.OciManifestJson, store.Where("index.json"), "image index");
        var top = SelectByTag(index.Manifests ?? [], tag, tagHint, refuseSeveralTags);

        var candidates = new List<ImageCandidate<(OciDescriptorJson, string?)>>();
        var missing = 0;
        var visited = new HashSet<BlobDigest>();
        foreach (var descriptor in top)
            Flatten(descriptor, RefName(descriptor), "index.json", 0, candidates, ref missing, visited);
        if (missing > 0)
            notes.Add($"{missing} {(missing == 1 ? "manifest" : "manifests")} listed in the index {(missing == 1 ? "is" : "are")} not in the layout (platforms not saved)");
        if (candidates.Count == 0)
        {
            throw new ImageFormatException(store.Where("index.json"), missing > 0
                ? "lists no image manifest that the layout holds"
                : "lists no image manifest");
        }
        return candidates;
    }

    private void CheckLayoutVersion()
    {
        if (!store.Exists("oci-layout"))
            return;
        var layout = JsonBlobs.Parse(JsonBlobs.Read(store, "oci-layout", null, null, "oci-layout file"),
            ImageJsonContext.Default.OciLayoutJson, store.Where("oci-layout"), "oci-layout file");
        if (layout.ImageLayoutVersion is not { } version || !version.StartsWith("1.", StringComparison.Ordinal))
            throw new ImageFormatException(store.Where("oci-layout"), $"declares layout version \"{layout.ImageLayoutVersion}\"; this reader knows version 1");
    }

    private IEnumerable<OciDescriptorJson> SelectByTag(List<OciDescriptorJson> top, string? tag, string tagHint, bool refuseSeveralTags)
    {
        if (tag is not null)
        {
            var tagged = top.Where(d => RefName(d) == tag || d.Annotations?.GetValueOrDefault(ImageNameAnnotation) == tag).ToArray();
            if (tagged.Length == 0)
                throw new ImageSelectionException(store.Where("index.json"), $"has no image tagged \"{tag}\" ({TagList(top)})");
            return tagged.DistinctBy(d => d.Digest);
        }
        var tags = top.Select(RefName).OfType<string>().Distinct().ToArray();
        if (refuseSeveralTags && tags.Length > 1 && top.Select(d => d.Digest).Distinct().Count() > 1)
            throw new ImageSelectionException(store.Where("index.json"), $"holds several images ({TagList(top)}); {tagHint}");
        return top.DistinctBy(d => d.Digest);
    }

    private void Flatten(OciDescriptorJson descriptor, string? tag, string listedIn, int depth,
        List<ImageCandidate<(OciDescriptorJson, string?)>> candidates, ref int missing, HashSet<BlobDigest> visited)
    {
        var digest = JsonBlobs.Digest(descriptor.Digest, store.Where(listedIn), "a manifest");
        // BuildKit stores provenance and SBOM attestations as manifests of platform unknown/unknown.
        if (descriptor.Platform is { Os: "unknown", Architecture: "unknown" }
            || descriptor.Annotations?.GetValueOrDefault("vnd.docker.reference.type") == "attestation-manifest")
        {
            return;
        }
        var path = JsonBlobs.BlobPath(digest);
        if (!store.Exists(path))
        {
            missing++;
            return;
        }
        var mediaType = descriptor.MediaType;
        if (ManifestMediaTypes.IsSchema1(mediaType))
            throw new ImageFormatException(store.Where(path), "is a Docker schema 1 manifest, which this reader does not support");
        if (mediaType is null || ManifestMediaTypes.IsIndex(mediaType))
        {
            var document = Manifest(digest, descriptor.Size);
            if (document.Manifests is { } children && (mediaType is not null || document.Layers is null))
            {
                if (depth >= MaxIndexDepth)
                    throw new ImageFormatException(store.Where(path), $"nests image indexes more than {MaxIndexDepth} deep");
                if (!visited.Add(digest))
                    throw new ImageFormatException(store.Where(path), "is an image index that lists itself");
                foreach (var child in children)
                    Flatten(child, tag, path, depth + 1, candidates, ref missing, visited);
                return;
            }
            if (mediaType is not null)
                return;
        }
        else if (!ManifestMediaTypes.IsManifest(mediaType))
        {
            return;
        }
        var declared = descriptor.Platform is { Os: { } os, Architecture: { } architecture } p ? new ImagePlatform(os, architecture, p.Variant) : null;
        candidates.Add(new((descriptor, tag), declared, () => PlatformOf(ReadManifestAndConfig(descriptor).Config)));
    }

    private ResolvedImage ReadImage(OciDescriptorJson descriptor, string? tag)
    {
        var (digest, manifest, manifestPath, configDigest, configPath, config) = ReadManifestAndConfig(descriptor);
        var layerDescriptors = manifest.Layers!;
        if (config.DiffIds.Count != layerDescriptors.Count)
            throw new ImageFormatException(store.Where(configPath), $"lists {config.DiffIds.Count} diff ids but the manifest has {layerDescriptors.Count} layers");

        var layers = new LayerBlob[layerDescriptors.Count];
        for (var index = 0; index < layers.Length; index++)
        {
            var layer = layerDescriptors[index];
            var layerDigest = JsonBlobs.Digest(layer.Digest, store.Where(manifestPath), $"layer {index}");
            var path = JsonBlobs.BlobPath(layerDigest);
            if (!store.Exists(path))
            {
                throw new ImageFormatException(store.Where(manifestPath), layer.Urls is [var url, ..]
                    ? $"layer {index} is a foreign layer kept at {url}; it is not in the layout and is not downloaded"
                    : $"layer {index} ({path}) is missing from the layout");
            }
            var diffId = JsonBlobs.Digest(config.DiffIds[index], store.Where(configPath), $"the diff id of layer {index}");
            layers[index] = new LayerBlob(index, $"{store.Display}: layer {index} ({path})", () => store.Open(path), store.Length(path),
                layerDigest, layer.Size, diffId, layer.MediaType, layer.Annotations);
        }
        var tags = tag is null ? Array.Empty<string>() : [tag];
        return new ResolvedImage(config, configDigest, digest, manifest.MediaType ?? descriptor.MediaType, tags, layers, "");
    }

    private (BlobDigest Digest, OciManifestJson Manifest, string ManifestPath, BlobDigest ConfigDigest, string ConfigPath, ImageConfig Config)
        ReadManifestAndConfig(OciDescriptorJson descriptor)
    {
        var digest = JsonBlobs.Digest(descriptor.Digest, store.Where("index.json"), "a manifest");
        var manifestPath = JsonBlobs.BlobPath(digest);
        var manifest = Manifest(digest, descriptor.Size);
        if (manifest.Config is not { } configDescriptor || manifest.Layers is null)
            throw new ImageFormatException(store.Where(manifestPath), "is not an image manifest: it has no config or no layers");
        if (configDescriptor.MediaType is { } configType && !ManifestMediaTypes.IsImageConfig(configType))
            throw new ImageFormatException(store.Where(manifestPath), $"is not a container image: its config has media type {configType}");
        var configDigest = JsonBlobs.Digest(configDescriptor.Digest, store.Where(manifestPath), "its config");
        var configPath = JsonBlobs.BlobPath(configDigest);
        var config = JsonBlobs.Parse(Blob(configDigest, configDescriptor.Size, "config"), ImageJsonContext.Default.ImageConfigJson,
            store.Where(configPath), "image config").ToImageConfig();
        return (digest, manifest, manifestPath, configDigest, configPath, config);
    }

    private byte[] Blob(BlobDigest digest, long? size, string what)
    {
        if (!_blobs.TryGetValue(digest, out var bytes))
        {
            bytes = JsonBlobs.Read(store, JsonBlobs.BlobPath(digest), digest, size, what);
            _blobs[digest] = bytes;
        }
        return bytes;
    }

    internal static ImagePlatform PlatformOf(ImageConfig config) =>
        new(config.Os ?? "unknown", config.Architecture ?? "unknown", string.IsNullOrEmpty(config.Variant) ? null : config.Variant);

    private static string? RefName(OciDescriptorJson descriptor) => descriptor.Annotations?.GetValueOrDefault(RefNameAnnotation);

    private static string TagList(List<OciDescriptorJson> top)
    {
        var tags = top.Select(RefName).OfType<string>().Distinct().ToArray();
        return tags.Length == 0 ? "it has no tagged image" : "tags: " + string.Join(", ", tags);
    }
}
