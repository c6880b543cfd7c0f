using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Images;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Layers;

/// <summary>What the tar walk makes of a layer's entries: kinds, paths, attributes, whiteouts, duplicates and kept content.</summary>
public sealed class LayerWalkTests : IDisposable
{
    private const UnixFileMode Setuid755 = (UnixFileMode)0b100_111_101_101;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_kind_of_entry_is_reported_with_its_attributes()
    {
        var tar = new LayerTar()
            .Directory("usr/bin/")
            .File("usr/bin/su", "elf", Setuid755, uid: 0, gid: 0)
            .File("home/app/notes.txt", "hello", uid: 1000, gid: 1001)
            .Symlink("bin", "usr/bin")
            .Hardlink("usr/bin/sudo", "usr/bin/su")
            .Fifo("run/pipe")
            .Build();

        var layer = OneLayerImage.Read(_temp, tar);

        Assert.Equal(
        [
            new LayerEntry("/usr/bin", LayerEntryKind.Directory, 0, 0b111_101_101, 0, 0, null, LayerTar.Time),
            new LayerEntry("/usr/bin/su", LayerEntryKind.File, 3, 0b100_111_101_101, 0, 0, null, LayerTar.Time),
            new LayerEntry("/home/app/notes.txt", LayerEntryKind.File, 5, 0b110_100_100, 1000, 1001, null, LayerTar.Time),
            new LayerEntry("/bin", LayerEntryKind.Symlink, 0, 0b110_100_100, 0, 0, "usr/bin", LayerTar.Time),
            new LayerEntry("/usr/bin/sudo", LayerEntryKind.Hardlink, 0, 0b110_100_100, 0, 0, "usr/bin/su", LayerTar.Time),
            new LayerEntry("/run/pipe", LayerEntryKind.Fifo, 0, 0b110_100_100, 0, 0, null, LayerTar.Time),
        ], layer.Entries);
        Assert.Equal(8, layer.FileBytes);
        Assert.Equal(2, layer.FileCount);
        Assert.Empty(layer.Notes);
    }

    [Fact]
    public void Whiteout_markers_carry_the_path_they_delete()
    {
        var tar = new LayerTar()
            .File("etc/.wh.motd", "")
            .File(".wh.tmp", "")
            .File("var/cache/.wh..wh..opq", "")
            .File("var/cache/apt/keep", "x")
            .Build();

        var layer = OneLayerImage.Read(_temp, tar);

        Assert.Equal(
        [
            ("/etc/motd", LayerEntryKind.Whiteout),
            ("/tmp", LayerEntryKind.Whiteout),
            ("/var/cache", LayerEntryKind.OpaqueDirectory),
            ("/var/cache/apt/keep", LayerEntryKind.File),
        ], layer.Entries.Select(e => (e.Path, e.Kind)));
        Assert.Equal(1, layer.FileBytes);
    }

    [Fact]
    public void Aufs_bookkeeping_names_no_file_and_is_skipped_with_a_note()
    {
        var tar = new LayerTar().File(".wh..wh.plnk/12.34", "x").Directory(".wh..wh.aufs").File("a", "b").Build();

        var layer = OneLayerImage.Read(_temp, tar);

        Assert.Equal(["/a"], layer.Entries.Select(e => e.Path));
        Assert.Equal(["skipped 2 tar entries that name no file of the image (first: /.wh..wh.plnk/12.34)"], layer.Notes);
    }

    [Fact]
    public void A_path_written_twice_keeps_its_last_entry_with_a_note()
    {
        var tar = new LayerTar().File("etc/conf", "first").File("x", "y").File("./etc/conf", "second!").Build();

        var image = OneLayerImage.Open(_temp, LayerTar.Gzip(tar), tar);

        var layer = image.Layers.Single();
        Assert.Equal(["/etc/conf", "/x"], layer.Entries.Select(e => e.Path));
        Assert.Equal(7, layer.Entries[0].Size);
        Assert.Equal(8, layer.FileBytes);
        Assert.Equal(["layer 0: 1 entry repeats a path already in this layer; the last one wins (first: /etc/conf)"], image.Notes);
    }

    [Fact]
    public void A_layer_may_delete_a_lower_path_and_create_it_again()
    {
        var tar = new LayerTar().File("etc/.wh.conf", "").File("etc/conf", "new").Build();

        var layer = OneLayerImage.Read(_temp, tar);

        Assert.Equal([("/etc/conf", LayerEntryKind.Whiteout), ("/etc/conf", LayerEntryKind.File)], layer.Entries.Select(e => (e.Path, e.Kind)));
        Assert.Empty(layer.Notes);
    }

    [Fact]
    public void Only_wanted_files_keep_their_bytes_and_large_ones_are_noted()
    {
        var big = new string('b', 5000);
        var tar = new LayerTar().File("etc/os-release", "ID=alpine\n").File("var/lib/big.db", big).File("bin/sh", "elf").Build();
        var options = new ImageReadOptions
        {
            ContentWanted = (path, _) => path is "/etc/os-release" or "/var/lib/big.db",
            MaxContentBytesPerFile = 4096,
        };

        var image = OneLayerImage.Open(_temp, LayerTar.Gzip(tar), tar, options);

        var entries = image.Layers.Single().Entries;
        Assert.Equal("ID=alpine\n", Encoding.UTF8.GetString(entries[0].Content!.Value.Span));
        Assert.Null(entries[1].Content);
        Assert.Null(entries[2].Content);
        Assert.Equal(["layer 0: did not keep the bytes of /var/lib/big.db: 4.9 KiB is over the 4 KiB limit for one file"], image.Notes);
    }

    [Fact]
    public void Kept_bytes_stop_at_the_imageʼs_budget()
    {
        var tar = new LayerTar().File("a", new string('a', 600)).File("b", new string('b', 600)).Build();
        var options = new ImageReadOptions { ContentWanted = (_, _) => true, MaxContentBytes = 1000 };

        var image = OneLayerImage.Open(_temp, LayerTar.Gzip(tar), tar, options);

        Assert.NotNull(image.Layers[0].Entries[0].Content);
        Assert.Null(image.Layers[0].Entries[1].Content);
        Assert.Equal(["layer 0: did not keep the bytes of /b: the image's budget for kept file bytes is spent"], image.Notes);
    }

    [Theory]
    [InlineData(TarEntryFormat.Gnu)]
    [InlineData(TarEntryFormat.Ustar)]
    [InlineData(TarEntryFormat.V7)]
    [InlineData(TarEntryFormat.Pax)]
    public void Every_tar_format_reads_alike(TarEntryFormat format)
    {
        var longName = format is TarEntryFormat.Gnu or TarEntryFormat.Pax ? string.Join('/', Enumerable.Repeat("deep", 40)) + "/file" : "short/file";
        var tar = new LayerTar(format).Directory("short").File(longName, "content").Symlink("link", "short/file").Build();

        var layer = OneLayerImage.Read(_temp, tar);

        Assert.Equal(["/short", "/" + longName, "/link"], layer.Entries.Select(e => e.Path));
        Assert.Equal(7, layer.FileBytes);
    }

    [Fact]
    public void Names_are_normalised_and_a_root_entry_is_the_root_directory()
    {
        var tar = new LayerTar().Directory("./").File("/abs", "a").File("a/../b", "b").File("./c//d", "c").Build();

        var layer = OneLayerImage.Read(_temp, tar);

        Assert.Equal(["/", "/abs", "/b", "/c/d"], layer.Entries.Select(e => e.Path));
    }

    [Fact]
    public void An_eStargz_layer_hides_its_table_of_contents_and_landmarks()
    {
        var tar = new LayerTar().File("app", "x").File(".prefetch.landmark", "\u00f0").Build(endMarker: false);
        var toc = new LayerTar().File("stargz.index.json", "{\"version\":1}").Build();
        var full = tar.Concat(toc).ToArray();
        var blob = LayerTar.Gzip(tar).Concat(LayerTar.Gzip(toc)).ToArray();
        var annotations = new JsonObject { [LayerMediaTypes.EStargzTocAnnotation] = LayerTar.Sha256(toc) };

        var image = OneLayerImage.Open(_temp, blob, full, annotations: annotations);

        var layer = image.Layers.Single();
        Assert.Equal(LayerCompression.EStargz, layer.Compression);
        Assert.Equal(["/app"], layer.Entries.Select(e => e.Path));
        Assert.Equal(LayerTar.Sha256(full), layer.DiffId.ToString());
    }

    [Fact]
    public void An_eStargz_footer_is_recognised_without_the_annotation()
    {
        var tar = new LayerTar().File("app", "x").Build();
        var blob = LayerTar.Gzip(tar).Concat(EStargzFooter()).ToArray();

        var layer = OneLayerImage.Open(_temp, blob, tar).Layers.Single();

        Assert.Equal(LayerCompression.EStargz, layer.Compression);
        Assert.Equal(blob.Length, layer.CompressedSize);
    }

    [Fact]
    public void Without_eStargz_the_same_names_are_ordinary_files()
    {
        var tar = new LayerTar().File("stargz.index.json", "{}").Build();

        Assert.Equal(["/stargz.index.json"], OneLayerImage.Read(_temp, tar).Entries.Select(e => e.Path));
    }

    [Fact]
    public void A_layer_ending_at_an_entry_boundary_without_end_blocks_is_read_with_a_note()
    {
        var tar = new LayerTar().File("a", "1").File("b", "2").Build(endMarker: false);

        var image = OneLayerImage.Open(_temp, LayerTar.Gzip(tar), tar);

        Assert.Equal(["/a", "/b"], image.Layers.Single().Entries.Select(e => e.Path));
        Assert.Equal(["layer 0: the tar stream ends without its end-of-archive blocks"], image.Notes);
    }

    [Fact]
    public void Sizes_and_digests_describe_the_stored_and_the_uncompressed_bytes()
    {
        var tar = new LayerTar().File("a", new string('a', 10_000)).Build();
        var blob = LayerTar.Gzip(tar);

        var layer = OneLayerImage.Open(_temp, blob, tar).Layers.Single();

        Assert.Equal((blob.Length, tar.Length), (layer.CompressedSize, layer.UncompressedSize));
        Assert.Equal((LayerTar.Sha256(blob), LayerTar.Sha256(tar)), (layer.Digest.ToString(), layer.DiffId.ToString()));
        Assert.Equal(OneLayerImage.GzipType, layer.MediaType);
    }

    /// <summary>An empty gzip member whose extra field holds eStargz's footer mark, as eStargz ends its blobs.</summary>
    private static byte[] EStargzFooter()
    {
        var extra = Encoding.ASCII.GetBytes("SG").Concat(new byte[] { 22, 0 }).Concat(Encoding.ASCII.GetBytes("0000000000000100STARGZ")).ToArray();
        return new byte[] { 0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, (byte)extra.Length, 0 }
            .Concat(extra)
            .Concat(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 })
            .ToArray();
    }
}
