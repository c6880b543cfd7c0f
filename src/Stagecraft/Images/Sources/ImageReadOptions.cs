namespace Stagecraft.Images.Sources;

/// <summary>How an image is read: which platform to pick, how many layers at once, which files' bytes to keep, and the limits that keep hostile input cheap.</summary>
public sealed record ImageReadOptions
{
    public static ImageReadOptions Default { get; } = new();

    /// <summary>The platform to pick from a multi-platform image; null picks this machine's, or the only one present.</summary>
    public ImagePlatform? Platform { get; init; }

    /// <summary>Layers read at the same time (one per worker).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Which files' bytes to keep in <see cref="LayerEntry.Content"/>, asked with the normalised path and the file's size
    /// (so a predicate can refuse a file too large to be what it looks for); null keeps none.
    /// </summary>
    public Func<string, long, bool>? ContentWanted { get; init; }

    /// <summary>Told how far the read has come, from the worker threads (see <see cref="ImageReadProgress"/>); null for no reports.</summary>
    public IProgress<ImageReadProgress>? Progress { get; init; }

    /// <summary>Largest file whose bytes are kept; bigger wanted files are listed without content, with a note.</summary>
    public int MaxContentBytesPerFile { get; init; } = 32 << 20;

    /// <summary>Total kept bytes for the image.</summary>
    public long MaxContentBytes { get; init; } = 256L << 20;

    /// <summary>Most bytes one layer may expand to.</summary>
    public long MaxLayerBytes { get; init; } = 64L << 30;

    /// <summary>Most bytes all layers together may expand to.</summary>
    public long MaxImageBytes { get; init; } = 256L << 30;

    /// <summary>Largest expanded-to-stored ratio once a layer has expanded past <see cref="CompressionRatioCheckAfterBytes"/>: real layers stay far below it, decompression bombs far above.</summary>
    public double MaxCompressionRatio { get; init; } = 250;

    /// <summary>Expanded bytes a layer may reach before its compression ratio is checked (small, very compressible layers are normal).</summary>
    public long CompressionRatioCheckAfterBytes { get; init; } = 1L << 30;

    /// <summary>Most entries (files, directories, links, markers) in the whole image; bounds the memory the entry lists take.</summary>
    public int MaxEntries { get; init; } = 4_000_000;

    /// <summary>Largest PAX extended header or GNU long name, checked before the tar reader buffers it.</summary>
    public int MaxTarMetadataBytes { get; init; } = 1 << 20;

    /// <summary>
    /// Lets a <c>docker://</c> registry be reached over plain HTTP, or over HTTPS with a certificate that does not verify
    /// (<c>--insecure</c>, skopeo's <c>--tls-verify=false</c>). Loopback registries (localhost, 127.0.0.1, ::1) are always allowed both.
    /// </summary>
    public bool Insecure { get; init; }

    /// <summary>Stops the read from another thread (Ctrl+C).</summary>
    public CancellationToken Cancellation { get; init; }
}
