using Stagecraft.Images.Facts;
using Stagecraft.Images.Files;
using Stagecraft.Images.Sources;

namespace Stagecraft.Images.Inspection;

/// <summary>
/// Inspects an image in one call: reads it (every layer once, in parallel, keeping only the bytes of the files the facts
/// read), merges its layers into one filesystem, reads the facts from that, and lines the history up with the layers and,
/// when given, with the Dockerfile.
/// </summary>
public static class ImageInspector
{
    /// <summary>Parses <paramref name="reference"/> (see <see cref="ImageReference.Parse"/>) and inspects it.</summary>
    public static ImageInspection Inspect(string reference, ImageInspectionOptions? options = null) =>
        Inspect(ImageReference.Parse(reference), options);

    /// <exception cref="StagecraftException">The reference, the image or the Dockerfile cannot be used; the message names it.</exception>
    public static ImageInspection Inspect(ImageReference reference, ImageInspectionOptions? options = null)
    {
        options ??= ImageInspectionOptions.Default;
        var image = ImageReader.Open(reference, ReadOptions(options.Read));
        var files = FileIndex.Build(image.Layers.Select(l => l.Entries));
        var facts = ImageFacts.Collect(new MergedImageFiles(files), image.Config);

        var notes = new List<string>(image.Notes);
        notes.AddRange(FileIndexNotes.Summarise(files));
        notes.AddRange(facts.Notes);
        var history = HistoryLayers.Map(image.Config.History, image.Layers.Count, notes);
        string? dockerfile = null;
        if (options.Dockerfile is { } model)
        {
            dockerfile = model.Tree.Source.Path ?? "Dockerfile";
            history = DockerfileMapping.Apply(model, dockerfile, history, notes);
        }

        var byLayer = new HistoryStep?[image.Layers.Count];
        foreach (var step in history)
        {
            if (step.Layer is { } layer)
                byLayer[layer] = step;
        }
        var layers = image.Layers.Select(layer =>
        {
            var summary = files.Layers[layer.Index];
            return new InspectedLayer(layer.Index, layer.Digest, layer.DiffId, layer.MediaType, layer.Compression,
                summary.Size, layer.UncompressedSize, layer.CompressedSize, summary.FileCount, summary.EntryCount, summary.ReclaimableBytes,
                summary.AddedPaths, summary.ChangedPaths, summary.RemovedPaths, byLayer[layer.Index], layer.Notes);
        }).ToArray();

        return new ImageInspection
        {
            Reference = reference,
            Config = image.Config,
            ConfigDigest = image.ConfigDigest,
            ManifestDigest = image.ManifestDigest,
            ManifestMediaType = image.ManifestMediaType,
            Tags = image.Tags,
            Platform = image.Platform,
            PlatformNote = image.PlatformNote,
            Layers = layers,
            History = history,
            Dockerfile = dockerfile,
            Files = files,
            Facts = facts,
            Notes = notes,
        };
    }

    /// <summary>The caller's options plus the files the facts read, whatever else the caller wants kept.</summary>
    private static ImageReadOptions ReadOptions(ImageReadOptions read)
    {
        var wanted = read.ContentWanted;
        return read with
        {
            ContentWanted = wanted is null ? ImageFacts.ContentWanted : (path, size) => ImageFacts.ContentWanted(path, size) || wanted(path, size),
            MaxContentBytesPerFile = Math.Max(read.MaxContentBytesPerFile, CapturedContent.LargestFile),
        };
    }
}
