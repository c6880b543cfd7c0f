using Stagecraft.Images.Layers;

namespace Stagecraft.Tests.Images.Layers;

/// <summary>Layers are read in parallel, each exactly once, and come back in layer order; the first failure in layer order wins.</summary>
public sealed class LayerSetReaderTests
{
    private static readonly LayerWalkSettings Settings = new(1L << 30, 250, 1L << 30, 1 << 20, null, 1 << 20);
    private static readonly ImageLimits Limits = new(1L << 32, 1_000_000, 1 << 20);

    [Fact]
    public void Each_layer_is_opened_exactly_once_and_returned_in_order()
    {
        var opens = new int[16];
        var blobs = Enumerable.Range(0, 16).Select(i =>
        {
            var tar = new LayerTar().File($"l{i}", new string('x', (16 - i) * 5000)).Build();
            return Blob(i, tar, () => Interlocked.Increment(ref opens[i]));
        }).ToArray();

        var layers = LayerSetReader.ReadAll(blobs, Settings, Limits, 4, CancellationToken.None);

        Assert.All(opens, count => Assert.Equal(1, count));
        Assert.Equal(Enumerable.Range(0, 16), layers.Select(l => l.Index));
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"/l{i}"), layers.Select(l => l.Entries.Single().Path));
    }

    [Fact]
    public void The_failure_of_the_lowest_layer_is_the_one_reported()
    {
        var good = new LayerTar().File("a", "1").Build();
        var bad = new LayerTar().File("../x", "1").Build();
        var blobs = new[] { Blob(0, good), Blob(1, bad), Blob(2, good), Blob(3, bad) };

        var error = Assert.Throws<UnsafeLayerEntryException>(() => LayerSetReader.ReadAll(blobs, Settings, Limits, 1, CancellationToken.None));

        Assert.StartsWith("layer 1:", error.Message);
    }

    private static LayerBlob Blob(int index, byte[] tar, Action? onOpen = null) =>
        new(index, $"layer {index}", () =>
        {
            onOpen?.Invoke();
            return new MemoryStream(tar, writable: false);
        }, tar.Length, null, null, null, null, null);
}
