using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Stagecraft.Images.Layers;

/// <summary>
/// Reads an image's layers in parallel, one layer per worker and the largest first, each exactly once; returns them
/// in layer order. The first failure (in layer order) stops the others and is what the caller sees.
/// </summary>
internal static class LayerSetReader
{
    public static IReadOnlyList<ImageLayer> ReadAll(
        IReadOnlyList<LayerBlob> blobs, LayerWalkSettings settings, ImageLimits limits, int maxParallelism, CancellationToken cancellation,
        IProgress<ImageReadProgress>? progress = null)
    {
        var count = blobs.Count;
        var layers = new ImageLayer[count];
        var pending = new IReadOnlyList<PendingHardlink>[count];
        var failures = new Exception?[count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var budget = new ImageBudget(limits.MaxImageBytes, limits.MaxEntries, limits.MaxContentBytes, stop.Token);

        var reporter = progress is null ? null
            : new ReadProgress(progress, count, blobs.All(b => b.StoredLength is not null) ? blobs.Sum(b => b.StoredLength!.Value) : null);
        reporter?.Start();

        // Largest first, so the long layers start early and the short ones fill in around them.
        var order = Enumerable.Range(0, count).OrderByDescending(i => blobs[i].StoredLength ?? 0).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), options, index =>
        {
            if (stop.IsCancellationRequested)
                return;
            try
            {
                var layerProgress = reporter?.ForLayer();
                (layers[index], pending[index]) = LayerReader.Read(blobs[index], settings, budget, layerProgress);
                layerProgress?.Done();
            }
            catch (Exception e)
            {
                failures[index] = e;
                stop.Cancel();
            }
        });

        cancellation.ThrowIfCancellationRequested();
        foreach (var failure in failures)
        {
            if (failure is not null and not OperationCanceledException)
                ExceptionDispatchInfo.Throw(failure);
        }
        ResolveHardlinks(blobs, layers, pending);
        return layers;
    }

    /// <summary>
    /// A hard link to a path its own layer had not shown yet must find that path in a lower layer. Run once every
    /// layer is read (also by sources that read layers in the order they arrive, not in layer order).
    /// </summary>
    internal static void ResolveHardlinks(IReadOnlyList<LayerBlob> blobs, IReadOnlyList<ImageLayer> layers, IReadOnlyList<IReadOnlyList<PendingHardlink>> pending)
    {
        HashSet<string>? lower = null;
        var lowerCount = 0;
        for (var index = 0; index < layers.Count; index++)
        {
            if (pending[index].Count == 0)
                continue;
            lower ??= new HashSet<string>(StringComparer.Ordinal);
            for (; lowerCount < index; lowerCount++)
            {
                foreach (var entry in layers[lowerCount].Entries)
                {
                    if (entry.Kind is not (LayerEntryKind.Directory or LayerEntryKind.Whiteout or LayerEntryKind.OpaqueDirectory))
                        lower.Add(entry.Path);
                }
            }
            foreach (var link in pending[index])
            {
                if (!lower.Contains(link.Target))
                {
                    throw new UnsafeLayerEntryException(blobs[index].Where,
                        $"hard link {link.Path} at offset {link.Offset} points to {link.Target}, which no earlier entry of this layer and no lower layer has");
                }
            }
        }
    }
}

/// <summary>The limits one image shares across its layers.</summary>
internal sealed record ImageLimits(long MaxImageBytes, int MaxEntries, long MaxContentBytes);
