using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources.Daemon;
using Stagecraft.Images.Sources.Registry;

namespace Stagecraft.Images.Sources;

/// <summary>
/// Opens an image: resolves manifest and config, then reads every layer once, in parallel, without extracting anything.
/// The Docker engine's export (<c>docker-daemon:</c>) is the exception: one stream, its layers read as they arrive.
/// </summary>
public static class ImageReader
{
    /// <summary>Parses <paramref name="reference"/> (see <see cref="ImageReference.Parse"/>) and opens it.</summary>
    public static OpenedImage Open(string reference, ImageReadOptions? options = null) => Open(ImageReference.Parse(reference), options);

    public static OpenedImage Open(ImageReference reference, ImageReadOptions? options = null) =>
        Open(reference, options, ImageSourceEnvironment.Default);

    /// <summary>Opens the image through <paramref name="environment"/>'s engine and registry settings (tests pass fakes).</summary>
    internal static OpenedImage Open(ImageReference reference, ImageReadOptions? options, ImageSourceEnvironment environment)
    {
        options ??= ImageReadOptions.Default;
        // The engine's export is one stream whose manifest comes last: its layers are read as they arrive, not from blobs.
        if (reference is DockerDaemonReference daemon)
            return DockerDaemonSource.Open(daemon, options);
        var notes = new List<string>();
        string? engineMiss = null;
        if (reference is ImageNameReference bare && environment.Daemon is { } lookup)
        {
            var answer = lookup(bare, options);
            if (answer.Open is { } openLocal)
                return openLocal();
            engineMiss = answer.WhyNot ?? "the local Docker engine does not have it";
            notes.Add($"not taken from the local Docker engine ({engineMiss}); read from the registry {bare.Name.Registry}");
        }
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
            RegistryReference registry =>
                RegistryImageResolver.Resolve(registry.Name, registry.ToString(), options, environment.Registry, notes),
            ImageNameReference name => ResolveByName(name, options, environment, engineMiss, notes),
            _ => throw new ImageSourceNotSupportedException(reference.ToString(), "this kind of image reference cannot be opened"),
        };

        return Read(reference, resolved, options, notes);
    }

    /// <summary>Reads the layers of what a source resolved and assembles the opened image.</summary>
    internal static OpenedImage Read(ImageReference reference, ResolvedImage resolved, ImageReadOptions options, List<string> notes)
    {
        using var owner = resolved.Owner;
        var layers = LayerSetReader.ReadAll(resolved.Layers, WalkSettings(options), Limits(options), options.MaxParallelism, options.Cancellation, options.Progress);
        return Assemble(reference, resolved, layers, notes);
    }

    internal static LayerWalkSettings WalkSettings(ImageReadOptions options) =>
        new(options.MaxLayerBytes, options.MaxCompressionRatio, options.CompressionRatioCheckAfterBytes,
            options.MaxTarMetadataBytes, options.ContentWanted, options.MaxContentBytesPerFile);

    internal static ImageLimits Limits(ImageReadOptions options) => new(options.MaxImageBytes, options.MaxEntries, options.MaxContentBytes);

    /// <summary>The opened image from what a source resolved and the layers read for it; layer notes join the source's notes.</summary>
    internal static OpenedImage Assemble(ImageReference reference, ResolvedImage resolved, IReadOnlyList<ImageLayer> layers, List<string> notes)
    {
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

    /// <summary>A bare name (<c>myapp:1.2</c>) the local Docker engine did not give (see <see cref="Open(ImageReference, ImageReadOptions?, ImageSourceEnvironment)"/>): the registry's.</summary>
    private static ResolvedImage ResolveByName(ImageNameReference reference, ImageReadOptions options, ImageSourceEnvironment environment, string? engineMiss, List<string> notes)
    {
        try
        {
            return RegistryImageResolver.Resolve(reference.Name, reference.ToString(), options, environment.Registry, notes);
        }
        catch (RegistryException e) when (engineMiss is not null)
        {
            throw new RegistryException(e.Where, $"{e.Problem}; nor could the local Docker engine give it ({engineMiss})", e);
        }
    }
}
