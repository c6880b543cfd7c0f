using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources.Registry;

namespace Stagecraft.Images.Sources;

/// <summary>Opens an image without a daemon: resolves manifest and config, then reads every layer once, in parallel, without extracting anything.</summary>
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
            RegistryReference registry =>
                RegistryImageResolver.Resolve(registry.Name, registry.ToString(), options, environment.Registry, notes),
            ImageNameReference name => ResolveByName(name, options, environment, notes),
            _ => throw new ImageSourceNotSupportedException(reference.ToString(),
                "reading from the Docker engine is not supported yet; export the image (docker save, skopeo copy) and open the file with docker-archive:, oci: or oci-archive:"),
        };

        using var owner = resolved.Owner;
        var settings = new LayerWalkSettings(options.MaxLayerBytes, options.MaxCompressionRatio, options.CompressionRatioCheckAfterBytes,
            options.MaxTarMetadataBytes, options.ContentWanted, options.MaxContentBytesPerFile);
        var limits = new ImageLimits(options.MaxImageBytes, options.MaxEntries, options.MaxContentBytes);
        var layers = LayerSetReader.ReadAll(resolved.Layers, settings, limits, options.MaxParallelism, options.Cancellation);
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

    /// <summary>A bare name (<c>myapp:1.2</c>) is the local Docker engine's image when it has one, else the registry's.</summary>
    private static ResolvedImage ResolveByName(ImageNameReference reference, ImageReadOptions options, ImageSourceEnvironment environment, List<string> notes)
    {
        string? engineMiss = null;
        if (environment.Daemon is { } daemon)
        {
            var answer = daemon(reference.Name, options, notes);
            if (answer.Image is { } local)
                return local;
            engineMiss = answer.WhyNot ?? "the local Docker engine does not have it";
            notes.Add($"not taken from the local Docker engine ({engineMiss}); read from the registry {reference.Name.Registry}");
        }
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
