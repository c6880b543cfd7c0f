using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>
/// Resolves a <c>docker save</c> archive through its manifest.json: the legacy layout (<c>&lt;id&gt;/layer.tar</c>,
/// kaniko's <c>&lt;digest&gt;.tar.gz</c>) and Docker 25+'s, whose paths point into an OCI layout in the same archive.
/// Content-addressed names are verified; where the archive also has an OCI index, the matching manifest supplies
/// the manifest digest and the layers' media types.
/// </summary>
internal sealed class DockerArchiveReader(ImageStore store, List<string> notes)
{
    public ResolvedImage Resolve(DockerArchiveReference reference, ImagePlatform? wanted) => ResolveWithLayerMembers(reference, wanted).Image;

    /// <summary>
    /// Resolves the image and also names the archive member behind each layer, bottom first, for a caller that has
    /// read the members already (the Docker engine's export is streamed, and its manifest comes last).
    /// </summary>
    public (ResolvedImage Image, IReadOnlyList<string> LayerMembers) ResolveWithLayerMembers(DockerArchiveReference reference, ImagePlatform? wanted)
    {
        if (!store.Exists("manifest.json"))
        {
            if (!store.Exists("index.json"))
                throw new ImageFormatException(store.Display, "is not a docker save archive: it has no manifest.json");
            notes.Add("the archive has no manifest.json; read it as an OCI layout");
            var image = new OciLayoutReader(store, notes).Resolve(reference.Image?.Tag, wanted, $"name one as docker-archive:{reference.Path}:NAME:TAG");
            return (image, image.Layers.Select(layer => JsonBlobs.BlobPath(layer.ExpectedDigest!)).ToArray());
        }
        var entries = JsonBlobs.Parse(JsonBlobs.Read(store, "manifest.json", null, null, "archive manifest"),
            ImageJsonContext.Default.ListDockerArchiveEntryJson, store.Where("manifest.json"), "docker save manifest");
        if (entries.Count == 0)
            throw new ImageFormatException(store.Where("manifest.json"), "lists no image");

        var (entry, choice, count) = Select(entries, reference, wanted);
        var (config, configDigest) = ReadConfig(entry);
        var layerPaths = entry.Layers ?? [];
        if (config.DiffIds.Count != layerPaths.Count)
            throw new ImageFormatException(store.Where("manifest.json"), $"lists {layerPaths.Count} layers but the image's config has {config.DiffIds.Count} diff ids");

        var oci = FindOciManifest(configDigest);
        var layers = new LayerBlob[layerPaths.Count];
        var members = new string[layerPaths.Count];
        for (var index = 0; index < layers.Length; index++)
        {
            var path = store.Inside(layerPaths[index], "manifest.json");
            members[index] = path;
            if (!store.Exists(path))
                throw new ImageFormatException(store.Where("manifest.json"), $"lists layer {path}, which is not in the archive");
            var implied = ImpliedDigest(path);
            var descriptor = oci?.Manifest.Layers is { } described && index < described.Count && implied is not null
                && described[index].Digest == implied.ToString() ? described[index] : null;
            var diffId = JsonBlobs.Digest(config.DiffIds[index], store.Where(entry.Config!), $"the diff id of layer {index}");
            layers[index] = new LayerBlob(index, $"{store.Display}: layer {index} ({path})", () => store.Open(path), store.Length(path),
                implied, descriptor?.Size, diffId, descriptor?.MediaType, descriptor?.Annotations);
        }
        var platform = OciLayoutReader.PlatformOf(config);
        return (new ResolvedImage(config, configDigest, oci?.Digest, oci?.Manifest.MediaType, entry.RepoTags ?? [], layers,
            PlatformSelection.Note(choice, platform, count)), members);
    }

    private (DockerArchiveEntryJson Entry, PlatformChoice Choice, int Count) Select(List<DockerArchiveEntryJson> entries, DockerArchiveReference reference, ImagePlatform? wanted)
    {
        var where = store.Where("manifest.json");
        if (reference.ImageIndex is { } number)
        {
            if (number >= entries.Count)
                throw new ImageSelectionException(where, $"has {entries.Count} {(entries.Count == 1 ? "image" : "images")}; there is no @{number}");
            return (entries[number], PlatformChoice.Only, 1);
        }
        if (reference.Image is { } name)
        {
            var named = entries.FirstOrDefault(e => e.RepoTags?.Any(tag => SameName(tag, name)) == true)
                ?? throw new ImageSelectionException(where, $"has no image named {name} ({TagList(entries)})");
            return (named, PlatformChoice.Only, 1);
        }
        var candidates = entries.Select(e => new ImageCandidate<DockerArchiveEntryJson>(e, null, () => OciLayoutReader.PlatformOf(ReadConfig(e).Config))).ToArray();
        if (candidates.Length > 1 && wanted is null && !candidates.Select(c => c.Platform).Distinct().Skip(1).Any())
            throw new ImageSelectionException(where, $"holds {entries.Count} images ({TagList(entries)}); name one as docker-archive:{reference.Path}:NAME:TAG or :@N");
        return PlatformSelection.Choose(candidates, wanted, where);
    }

    private (ImageConfig Config, BlobDigest Digest) ReadConfig(DockerArchiveEntryJson entry)
    {
        if (entry.Config is null)
            throw new ImageFormatException(store.Where("manifest.json"), "lists an image without a Config");
        var path = store.Inside(entry.Config, "manifest.json");
        var implied = ImpliedDigest(path);
        var bytes = JsonBlobs.Read(store, path, implied, null, "image config");
        var config = JsonBlobs.Parse(bytes, ImageJsonContext.Default.ImageConfigJson, store.Where(path), "image config").ToImageConfig();
        return (config, implied ?? BlobDigest.Compute("sha256", bytes));
    }

    /// <summary>The Docker 25+ OCI manifest for the same config, if the archive has an index that leads to one.</summary>
    private (BlobDigest Digest, OciManifestJson Manifest)? FindOciManifest(BlobDigest configDigest)
    {
        if (!store.Exists("index.json"))
            return null;
        try
        {
            var layout = new OciLayoutReader(store, []);
            foreach (var (descriptor, _) in layout.AllManifests())
            {
                var digest = JsonBlobs.Digest(descriptor.Digest, store.Where("index.json"), "a manifest");
                var manifest = layout.Manifest(digest, descriptor.Size);
                if (manifest.Config?.Digest == configDigest.ToString())
                    return (digest, manifest);
            }
        }
        catch (ImageReadException e)
        {
            notes.Add($"the archive's OCI index was not usable ({e.Message}); read manifest.json alone");
        }
        return null;
    }

    /// <summary>
    /// The digest a content-addressed name promises: <c>blobs/ALG/HEX</c> (Docker 25+), or at the archive root
    /// <c>HEX.json</c> (the legacy config, named by the image id), <c>sha256:HEX</c> and <c>HEX.tar.gz</c> (kaniko).
    /// Legacy <c>&lt;id&gt;/layer.tar</c> names carry no digest.
    /// </summary>
    internal static BlobDigest? ImpliedDigest(string path)
    {
        var parts = path.Split('/');
        if (parts is ["blobs", var algorithm, var hex] && BlobDigest.TryParse(algorithm + ":" + hex, out var blob))
            return blob;
        if (parts.Length != 1)
            return null;
        var name = parts[0];
        if (BlobDigest.TryParse(name, out var prefixed))
            return prefixed;
        foreach (var extension in (string[])[".json", ".tar.gz", ".tar"])
        {
            if (name.EndsWith(extension, StringComparison.Ordinal) && BlobDigest.TryParse("sha256:" + name[..^extension.Length], out var named))
                return named;
        }
        return null;
    }

    private static bool SameName(string repoTag, DockerImageName wanted)
    {
        try
        {
            return DockerImageName.Parse(repoTag) == wanted;
        }
        catch (ImageReferenceException)
        {
            return false;
        }
    }

    private static string TagList(List<DockerArchiveEntryJson> entries)
    {
        var tags = entries.SelectMany(e => e.RepoTags ?? []).Distinct().ToArray();
        return tags.Length == 0 ? "none is tagged" : "tags: " + string.Join(", ", tags);
    }
}
