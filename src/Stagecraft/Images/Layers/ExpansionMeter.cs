namespace Stagecraft.Images.Layers;

/// <summary>Applies the expansion limits to one layer's decompressed bytes as they stream past, so a decompression bomb stops early.</summary>
internal sealed class ExpansionMeter(LayerWalkSettings settings, ImageBudget budget, Func<long> compressedBytesRead, string where)
{
    private long _expanded;

    public void Add(int bytes)
    {
        budget.Cancellation.ThrowIfCancellationRequested();
        _expanded += bytes;
        if (_expanded > settings.MaxLayerBytes)
        {
            throw new ImageLimitExceededException(where,
                $"expands to more than {ByteCount.Format(settings.MaxLayerBytes)}, the limit for one layer (raise MaxLayerBytes to read it)");
        }
        if (!budget.TryAddExpanded(bytes))
        {
            throw new ImageLimitExceededException(where,
                $"the image expands to more than {ByteCount.Format(budget.MaxExpandedBytes)} in all, the limit for one image (raise MaxImageBytes to read it)");
        }
        if (_expanded > settings.CompressionRatioCheckAfterBytes)
        {
            var compressed = Math.Max(1, compressedBytesRead());
            if (_expanded / (double)compressed > settings.MaxCompressionRatio)
            {
                throw new ImageLimitExceededException(where,
                    $"{ByteCount.Format(compressed)} expand to over {ByteCount.Format(_expanded)}, more than {settings.MaxCompressionRatio:0.#} times (a decompression bomb?; raise MaxCompressionRatio to read it)");
            }
        }
    }
}
