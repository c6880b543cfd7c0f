using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>An image read from its source: config, digests, the platform chosen, and every layer with its entries — all verified.</summary>
public sealed class OpenedImage
{
    public required ImageReference Reference { get; init; }

    public required ImageConfig Config { get; init; }

    /// <summary>Digest of the config blob: the image id Docker shows.</summary>
    public required BlobDigest ConfigDigest { get; init; }

    /// <summary>Digest of the image manifest; null for legacy <c>docker save</c> archives, which keep none.</summary>
    public BlobDigest? ManifestDigest { get; init; }

    public string? ManifestMediaType { get; init; }

    /// <summary>The names the source gives the image (RepoTags of an archive, the ref name of a layout entry).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The platform the config declares.</summary>
    public required ImagePlatform Platform { get; init; }

    /// <summary>Which platform was chosen and why ("platform linux/arm64, the only one in the image (this machine is linux/amd64)").</summary>
    public required string PlatformNote { get; init; }

    /// <summary>The layers, bottom first.</summary>
    public required IReadOnlyList<ImageLayer> Layers { get; init; }

    /// <summary>Everything worth telling the user that did not stop the read, layer notes prefixed with "layer N: ".</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Bytes of the stored layer blobs.</summary>
    public long CompressedSize => Layers.Sum(layer => layer.CompressedSize);

    /// <summary>Bytes of the uncompressed layer tar streams.</summary>
    public long UncompressedSize => Layers.Sum(layer => layer.UncompressedSize);
}
