using Stagecraft.Images;
using Stagecraft.Images.Files;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Images.Files.Support;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Files;

/// <summary>dive's own test image, with the figures dive reports for it (../shared/testdata/dive-images/export_test.snap).</summary>
public class DiveTestImageTests
{
    private static FileIndex Index() =>
        FileIndex.Build(LayersOf("testdata/dive-images/test-docker-image.tar"));

    [Fact]
    public void Efficiency_score_and_inefficient_bytes_equal_dives_to_the_bit()
    {
        var dive = Index().DiveCompatible;
        Assert.Equal(32_025, dive.InefficientBytes);
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.9844212134184309), BitConverter.DoubleToInt64Bits(dive.EfficiencyScore));
        Assert.Equal(1_220_598, dive.SizeBytes);
        Assert.Equal(1_220_598 - 1_154_361, dive.UserSizeBytes);
        Assert.Equal(32_025.0 / (1_220_598 - 1_154_361), dive.UserWastedPercent);
    }

    [Fact]
    public void Layer_sizes_equal_dives()
    {
        long[] expected = [1154361, 6405, 0, 6405, 6405, 6405, 6405, 6405, 6405, 0, 2187, 6405, 6405, 6405];
        var index = Index();
        Assert.Equal(expected, index.DiveCompatible.LayerSizes);
        Assert.Equal(expected, index.Layers.Select(l => l.Size));
    }

    [Fact]
    public void Inefficient_paths_are_dives_file_references_in_dives_order()
    {
        // export_test.snap, "fileReference": count, file, sizeBytes.
        Assert.Equal(
            [new DiveInefficiency("/root/saved.txt", 2, 12810), new DiveInefficiency("/root/example/somefile1.txt", 2, 12810), new DiveInefficiency("/root/example/somefile3.txt", 2, 6405)],
            Index().DiveCompatible.Inefficiencies);
    }

    [Fact]
    public void Reclaimable_bytes_count_only_the_dead_copies()
    {
        var index = Index();
        // Dead: somefile1 from layer 3 (chmod re-ships it in 4), somefile3 (moved away in 7), somefile1 from 4 and
        // somefile2 (rm -rf /root/example in 9), saved.txt from 7 (chmod +x in 13). The surviving copies do not count.
        Assert.Equal(
            [
                ("/root/example/somefile1.txt", 3, 4, ReclaimReason.Overwritten),
                ("/root/example/somefile3.txt", 6, 7, ReclaimReason.Deleted),
                ("/root/example/somefile1.txt", 4, 9, ReclaimReason.Deleted),
                ("/root/example/somefile2.txt", 5, 9, ReclaimReason.Deleted),
                ("/root/saved.txt", 7, 13, ReclaimReason.Overwritten),
            ],
            index.ReclaimableFiles.Select(f => (f.Path, f.ShippedInLayer, f.ObsoletedInLayer, f.Reason)).OrderBy(f => f.ObsoletedInLayer).ThenBy(f => f.Path, StringComparer.Ordinal));
        Assert.Equal(5 * 6405, index.ReclaimableBytes);
        Assert.Equal(index.Layers.Sum(l => l.Size), index.TotalSize + index.ReclaimableBytes);
        Assert.Equal([0, 0, 0, 6405, 6405, 6405, 6405, 6405, 0, 0, 0, 0, 0, 0], index.Layers.Select(l => l.ReclaimableBytes));
        Assert.Equal([0, 0, 0, 0, 6405, 0, 0, 6405, 0, 12810, 0, 0, 0, 6405], index.Layers.Select(l => l.ObsoletedBytes));
    }

    [Fact]
    public void Busybox_hard_links_share_one_copy_of_its_data()
    {
        var index = Index();
        var busybox = index.Find("/bin/[")!;
        var sh = index.Find("/bin/sh")!;
        Assert.Equal(1_075_464, busybox.Size);
        Assert.Equal(LayerEntryKind.Hardlink, sh.Kind);
        Assert.Equal(1_075_464, sh.Size);
        Assert.Equal("/bin/[", index.LargestFiles(1).Single().Path);
        // /bin holds the busybox data once, however many links it has.
        var bin = index.Find("/bin")!;
        Assert.InRange(bin.Size, 1_075_464, 1_075_464 + 100_000);
        Assert.Equal(index.TotalSize, index.Find("/")!.Size);
    }

    [Fact]
    public void The_merged_view_has_the_dockerfiles_result()
    {
        var index = Index();
        Assert.Null(index.Find("/root/example"));
        Assert.Null(index.Find("/root/example/somefile1.txt"));
        Assert.Equal(0b111_101_101, index.Find("/root/saved.txt")!.Mode & 0b111_111_111);
        Assert.Equal(13, index.Find("/root/saved.txt")!.Layer);
        Assert.NotNull(index.Find("/tmp/saved.again1.txt"));
        Assert.Equal(2, index.History("/root/saved.txt").Count);
        var removed = index.ChangesIn(9).Where(c => c.Kind == PathChangeKind.Removed).Select(c => c.Path);
        Assert.Equal(["/root/example", "/root/example/really", "/root/example/really/nested", "/root/example/somefile1.txt", "/root/example/somefile2.txt"], removed);
        Assert.Equal(12810, index.Layers[9].RemovedBytes);
    }

    [Fact]
    public void Kanikos_build_of_the_same_dockerfile_wastes_the_same_paths_at_its_own_file_size()
    {
        // kaniko's archive has gzip layers and its own busybox and somefile.txt; the Dockerfile's waste is the same.
        var index = FileIndex.Build(LayersOf("testdata/dive-images/test-kaniko-image.tar"));
        var somefile = index.Find("/somefile.txt")!.Size;
        Assert.NotEqual(6405, somefile);
        Assert.Equal(
            [("/root/saved.txt", 2, 2 * somefile), ("/root/example/somefile1.txt", 2, 2 * somefile), ("/root/example/somefile3.txt", 2, somefile)],
            index.DiveCompatible.Inefficiencies.Select(i => (i.Path, i.Count, i.CumulativeSize)));
        Assert.Equal(5 * somefile, index.DiveCompatible.InefficientBytes);
        Assert.Equal(5 * somefile, index.ReclaimableBytes);
        Assert.Equal(14, index.LayerCount);
    }

    // The real reader, so the figures are checked on exactly what `inspect` will index.
    private static IEnumerable<IReadOnlyList<LayerEntry>> LayersOf(string sharedPath) =>
        ImageReader.Open("docker-archive:" + SharedData.Require(sharedPath)).Layers.Select(layer => layer.Entries);
}
