using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>What a source found before any layer is read: the chosen image's config and digests, and its layers as blobs to open.</summary>
internal sealed record ResolvedImage(
    ImageConfig Config,
    BlobDigest ConfigDigest,
    BlobDigest? ManifestDigest,
    string? ManifestMediaType,
    IReadOnlyList<string> Tags,
    IReadOnlyList<LayerBlob> Layers,
    string PlatformNote)
{
    /// <summary>What keeps the layer blobs readable (a registry's HTTP client, an engine connection); disposed once every layer is read.</summary>
    public IDisposable? Owner { get; init; }

    /// <summary>True when the image was chosen out of an image index (a manifest list), false when the name gave one manifest.</summary>
    public bool ChosenFromIndex { get; init; }
}
