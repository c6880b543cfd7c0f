using Stagecraft.Images;
using Stagecraft.Images.Files;
using static Stagecraft.Tests.Images.Files.Support.Entries;

namespace Stagecraft.Tests.Images.Files;

/// <summary>
/// A 100,000-path image whose figures follow from how it is made: shape and numbers are checked, not time (the
/// benchmark in bench/ times it).
/// </summary>
public class FileIndexScaleTests
{
    private const int Packages = 100;
    private const int FilesPerPackage = 500;
    private const int Modules = 100;
    private const int FilesPerModule = 400;

    /// <summary>The data size of base file <paramref name="i"/> of package <paramref name="d"/>.</summary>
    private static long BaseSize(int d, int i) => (d * FilesPerPackage + i) % 4093 + 1;

    private static string BaseFile(int d, int i) => $"/usr/share/pkg{d:D3}/f{i:D3}";

    private static LayerEntry[][] Layers()
    {
        // 0: a base of 100 packages × 500 files, a hard link to every 50th file, a setuid file per package.
        var base0 = new List<LayerEntry> { Dir("/usr"), Dir("/usr/share"), Dir("/usr/bin") };
        for (var d = 0; d < Packages; d++)
        {
            base0.Add(Dir($"/usr/share/pkg{d:D3}"));
            for (var i = 0; i < FilesPerPackage; i++)
            {
                base0.Add(File(BaseFile(d, i), BaseSize(d, i), i == 123 ? RegularMode | Setuid : RegularMode));
                if (i % 50 == 0)
                    base0.Add(HardLink($"/usr/bin/l{d:D3}-{i:D3}", BaseFile(d, i)[1..]));
            }
        }
        // 1: an application of 100 modules × 400 files of 100 bytes.
        var app1 = new List<LayerEntry> { Dir("/app") };
        for (var m = 0; m < Modules; m++)
        {
            app1.Add(Dir($"/app/m{m:D3}"));
            for (var i = 0; i < FilesPerModule; i++)
                app1.Add(File($"/app/m{m:D3}/s{i:D3}", 100));
        }
        // 2: every 10th base file shipped again with 1 byte.
        var patch2 = new List<LayerEntry>();
        for (var d = 0; d < Packages; d++)
        {
            for (var i = 0; i < FilesPerPackage; i += 10)
                patch2.Add(File(BaseFile(d, i), 1));
        }
        // 3: ten packages deleted; module 0 rebuilt from scratch (opaque) with ten files of 7 bytes.
        var clean3 = new List<LayerEntry>();
        for (var d = 0; d < 10; d++)
            clean3.Add(Whiteout($"/usr/share/pkg{d:D3}"));
        clean3.Add(Dir("/app/m000"));
        clean3.Add(Opaque("/app/m000"));
        for (var i = 0; i < 10; i++)
            clean3.Add(File($"/app/m000/new{i}", 7));
        // 4: data, 15 × 1,000 files of 3 bytes.
        var data4 = new List<LayerEntry> { Dir("/data") };
        for (var d = 0; d < 15; d++)
        {
            data4.Add(Dir($"/data/x{d}"));
            for (var i = 0; i < 1000; i++)
                data4.Add(File($"/data/x{d}/v{i:D4}", 3));
        }
        return [[.. base0], [.. app1], [.. patch2], [.. clean3], [.. data4]];
    }

    [Fact]
    public void A_hundred_thousand_path_image_has_the_figures_its_making_implies()
    {
        var layers = Layers();
        Assert.True(layers.Sum(l => l.Length) > 100_000);
        var index = Index(layers);

        Assert.Equal(50_000 - 5_000 + 1_000 + 40_000 - 400 + 10 + 15_000, index.FileCount);
        Assert.Equal(3 + 90 + 1 + 100 + 1 + 15, index.DirectoryCount);
        Assert.True(index.FileCount + index.DirectoryCount > 100_000);

        // Reclaimable: the 10th files' old data unless a hard link keeps it, the deleted packages' current data,
        // and module 0's hidden files.
        long overwritten = 0, deleted = 0, survivingBase = 0;
        var surviving = new List<long>();
        for (var d = 0; d < Packages; d++)
        {
            for (var i = 0; i < FilesPerPackage; i++)
            {
                var linked = i % 50 == 0;
                var patched = i % 10 == 0;
                if (patched && !linked)
                    overwritten += BaseSize(d, i);
                if (d < 10)
                    deleted += patched ? 1 : BaseSize(d, i);
                var current = patched ? 1 : BaseSize(d, i);
                if (d >= 10)
                    surviving.Add(current);
                if (linked)
                    surviving.Add(BaseSize(d, i));
                survivingBase += d >= 10 ? current : 0;
            }
        }
        Assert.Equal(overwritten + deleted + FilesPerModule * 100, index.ReclaimableBytes);
        Assert.Equal(surviving.Sum() + 39_600 * 100 + 70 + 45_000, index.TotalSize);
        Assert.Equal(surviving.OrderDescending().Take(5), index.LargestFiles(5).Select(f => f.Size));
        // Data a hard link keeps alive after its original path moved on is counted at the link, in /usr/bin.
        Assert.Equal(survivingBase, index.Find("/usr/share")!.Size);
        Assert.Equal(surviving.Sum() - survivingBase, index.Find("/usr/bin")!.Size);

        Assert.Equal((10 + 5_000 + 400, deleted + 40_000), (index.Layers[3].RemovedPaths, index.Layers[3].RemovedBytes));
        Assert.Equal((5_000, 5_000L), (index.Layers[2].ChangedPaths, index.Layers[2].ChangedBytes));
        Assert.Equal(90, index.SetuidSetgidFiles().Count);
        Assert.Equal(LayerEntryKind.File, index.Find("/data/x14/v0999")!.Kind);
        Assert.Equal(45_000, index.Find("/data")!.Size);
        Assert.Equal(["/usr", "/usr/share", "/app", "/usr/bin"], index.LargestDirectories(4).Select(d => d.Path));

        // dive: each patched file occurs twice (its base size and 1); every other path once.
        long diveInefficient = 0;
        for (var d = 0; d < Packages; d++)
        {
            for (var i = 0; i < FilesPerPackage; i += 10)
                diveInefficient += BaseSize(d, i) + 1;
        }
        Assert.Equal(diveInefficient, index.DiveCompatible.InefficientBytes);
        Assert.Equal(5_000, index.DiveCompatible.Inefficiencies.Count);
        Assert.Equal(layers.Select(l => l.Sum(e => e.Size)), index.DiveCompatible.LayerSizes);
    }
}
