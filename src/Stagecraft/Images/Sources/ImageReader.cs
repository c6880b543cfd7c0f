using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>Opens an image without a daemon: resolves manifest and config, then reads every layer once, in parallel, without extracting anything.</summary>
public static class ImageReader
{
    /// <summary>Parses <paramref name="reference"/> (see <see cref="ImageReference.Parse"/>) and opens it.</summary>
    public static OpenedImage Open(string reference, ImageReadOptions? options = null) => Open(ImageReference.Parse(reference), options);

    public static OpenedImage Open(ImageReference reference, ImageReadOptions? options = null)
    {
        options ??= ImageReadOptions.Default;
        var notes = new List<string>();
        var resolved = reference switch
        {
            DockerArchiveReference archive =>
                new DockerArchiveReader(ImageStore.Open(archive.Path, directoryExpected: false), notes).Resolve(archive, options.Platform),
            OciLayoutReference layout =>
                new OciLayoutReader(ImageStore.Open(layout.Directory, directoryExpected: true), notes)
                    .Resolve(layout.Tag, options.Platform, $"name one as oci:{layout.Directory}:TAG"),
            OciArchiveReference archive =>
                new OciLayoutReader(ImageStore.Open(archive.Path, directoryExpected: false), notes)
                    .Resolve(archive.Tag, options.Platform, $"name one as oci-archive:{archive.Path}:TAG"),
            _ => throw new ImageSourceNotSupportedException(reference.ToString(),
                "reading from the Docker engine or a registry is not supported yet; export the image (docker save, skopeo copy) and open the file with docker-archive:, oci: or oci-archive:"),
        };

        var settings = new LayerWalkSettings(options.MaxLayerBytes, options.MaxCompressionRatio, options.CompressionRatioCheckAfterBytes,
            options.MaxTarMetadataBytes, options.ContentWanted, options.MaxContentBytesPerFile);
        var limits = new ImageLimits(options.MaxImageBytes, options.MaxEntries, options.MaxContentBytes);
        var layers = LayerSetReader.ReadAll(resolved.Layers, settings, limits, options.MaxParallelism, options.Cancellation, options.Progress);
        foreach (var layer in layers)
        {
            foreach (var note in layer.Notes)
                notes.Add($"layer {layer.Index}: {note}");
        }

        return new OpenedImage
        {
            Reference = reference,
            Config = resolved.Config,
            ConfigDigest = resolved.ConfigDigest,
            ManifestDigest = resolved.ManifestDigest,
            ManifestMediaType = resolved.ManifestMediaType,
            Tags = resolved.Tags,
            Platform = OciLayoutReader.PlatformOf(resolved.Config),
            PlatformNote = resolved.PlatformNote,
            Layers = layers,
            Notes = notes,
        };
    }
}
