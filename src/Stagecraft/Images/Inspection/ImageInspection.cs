using Stagecraft.Images.Facts;
using Stagecraft.Images.Files;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;

namespace Stagecraft.Images.Inspection;

/// <summary>
/// Everything <c>stagecraft inspect</c> reports about one image, built by <see cref="ImageInspector"/>: identity, layers
/// with the steps (and Dockerfile lines) that made them, sizes and waste, the merged filesystem and the facts read from
/// it. Reporters, budgets (<c>check</c>) and comparisons (<c>diff</c>) read this; none of them reads the image again.
/// </summary>
public sealed class ImageInspection
{
    /// <summary>The reference as it was opened (transport prefix included).</summary>
    public required ImageReference Reference { get; init; }

    public required ImageConfig Config { get; init; }

    /// <summary>Digest of the config blob: the image id Docker shows.</summary>
    public required BlobDigest ConfigDigest { get; init; }

    /// <summary>Digest of the image manifest; null for legacy <c>docker save</c> archives, which keep none.</summary>
    public BlobDigest? ManifestDigest { get; init; }

    public string? ManifestMediaType { get; init; }

    /// <summary>The names the source gives the image.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public required ImagePlatform Platform { get; init; }

    /// <summary>Which platform was chosen and why.</summary>
    public required string PlatformNote { get; init; }

    /// <summary>The layers, bottom first.</summary>
    public required IReadOnlyList<InspectedLayer> Layers { get; init; }

    /// <summary>The config's history, every entry (empty ones included), oldest first.</summary>
    public required IReadOnlyList<HistoryStep> History { get; init; }

    /// <summary>The Dockerfile the steps were mapped to, as the user named it; null when none was given.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The merged filesystem: every path, per-layer changes, waste and dive's figures.</summary>
    public required FileIndex Files { get; init; }

    /// <summary>Packages, build tools, caches, secrets, setuid files, the OS, a base image guess and the run configuration.</summary>
    public required ImageFacts Facts { get; init; }

    /// <summary>Everything worth telling the user that did not stop the inspection, one line each.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Bytes of file data all layers ship, uncompressed: the sum of <see cref="InspectedLayer.Size"/> (Docker's and dive's image size).</summary>
    public long TotalSize => Layers.Sum(l => l.Size);

    /// <summary>Bytes of the stored layer blobs: what a registry keeps and a pull moves.</summary>
    public long CompressedSize => Layers.Sum(l => l.CompressedSize);

    /// <summary>Bytes of the uncompressed layer tar streams (file data plus tar headers and padding).</summary>
    public long TarSize => Layers.Sum(l => l.TarSize);

    /// <summary>Bytes of file data in the final filesystem (each hard-linked file once): <see cref="TotalSize"/> minus <see cref="ReclaimableBytes"/>.</summary>
    public long FilesystemSize => Files.TotalSize;

    /// <summary>Bytes shipped in a layer and then overwritten or deleted by a later one: what a rebuild could save.</summary>
    public long ReclaimableBytes => Files.ReclaimableBytes;

    /// <summary>dive's efficiency score, inefficient bytes and user-wasted percent, counted as dive counts them.</summary>
    public DiveFigures DiveCompatible => Files.DiveCompatible;
}
