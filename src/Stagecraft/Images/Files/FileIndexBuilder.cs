namespace Stagecraft.Images.Files;

/// <summary>
/// Builds a <see cref="FileIndex"/> from an image's layers, bottom layer first, one layer at a time, so a reader can
/// hand over each layer's entries as soon as that layer and all below it are read. Each layer is walked once in
/// memory; cost and memory grow with the number of entries and paths, not with bytes.
/// </summary>
public sealed class FileIndexBuilder
{
    private readonly MergedFilesystem _merged = new();
    private readonly DiveEmulation _dive;
    private bool _built;

    public FileIndexBuilder() => _dive = new DiveEmulation(_merged.Paths, _merged.Records);

    /// <summary>Layers added so far.</summary>
    public int LayerCount => _merged.Layers.Count;

    /// <summary>Applies the next layer (above all added so far) and returns its index.</summary>
    /// <exception cref="ArgumentException">An entry's path is not normalised (the reader's contract on <see cref="LayerEntry.Path"/>).</exception>
    public int AddLayer(IReadOnlyList<LayerEntry> entries)
    {
        if (_built)
            throw new InvalidOperationException("The index was already built; start a new builder for another image.");
        var range = _merged.Apply(entries);
        _dive.Apply(range);
        return range.Layer;
    }

    /// <summary>Finishes the index: directory sizes, per-layer summaries, reclaimable bytes and dive's figures.</summary>
    public FileIndex Build()
    {
        if (_built)
            throw new InvalidOperationException("The index was already built.");
        _built = true;
        return new FileIndex(_merged, _dive.Finish());
    }
}
