using System.Diagnostics;
using System.Text;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Layers;

/// <summary>Crafted hostile layers are refused with one line naming the file, the layer and the entry, in bounded time and memory.</summary>
public sealed class HostileLayerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private T Refused<T>(byte[] tar, ImageReadOptions? options = null) where T : Exception => Refused<T>(LayerTar.Gzip(tar), tar, options);

    private T Refused<T>(byte[] blob, byte[] tar, ImageReadOptions? options = null) where T : Exception
    {
        var folder = OneLayerImage.Save(_temp, blob, tar);
        Where = OneLayerImage.Where(folder, blob);
        return Assert.Throws<T>(() => ImageReader.Open("oci:" + folder, options));
    }

    private string Where { get; set; } = "";

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/../../root/.ssh/authorized_keys")]
    [InlineData("usr/../../etc/shadow")]
    public void An_entry_leaving_the_root_is_refused(string name)
    {
        var tar = new LayerTar().File("ok", "1").File(name, "x").Build();

        var error = Refused<UnsafeLayerEntryException>(tar);

        Assert.Equal($"{Where}: entry \"{name}\" at offset 3072 leaves the image root", error.Message);
    }

    [Fact]
    public void An_entry_written_through_a_symlink_of_the_same_layer_is_refused()
    {
        var tar = new LayerTar().Symlink("etc", "/host/etc").File("etc/passwd", "root::0:0").Build();

        var error = Refused<UnsafeLayerEntryException>(tar);

        Assert.Equal($"{Where}: entry \"etc/passwd\" at offset 2560 goes through /etc, a symlink earlier in this layer", error.Message);
    }

    [Fact]
    public void A_hard_link_through_a_symlink_of_the_same_layer_is_refused()
    {
        var tar = new LayerTar().Symlink("hostetc", "/etc").Hardlink("stolen", "hostetc/shadow").Build();

        var error = Refused<UnsafeLayerEntryException>(tar);

        Assert.Equal($"{Where}: hard link \"stolen\" at offset 2560 points to \"hostetc/shadow\" through /hostetc, a symlink earlier in this layer", error.Message);
    }

    [Fact]
    public void An_opaque_marker_inside_a_symlinked_folder_is_refused()
    {
        var tar = new LayerTar().Symlink("data", "../outside").File("data/.wh..wh..opq", "").Build();

        Assert.Contains("goes through /data, a symlink earlier in this layer", Refused<UnsafeLayerEntryException>(tar).Message);
    }

    [Theory]
    [InlineData("../../etc/shadow", "points to \"../../etc/shadow\", outside the image root")]
    [InlineData("usr/./bin/../../x", "points to \"usr/./bin/../../x\", which is not a plain path")]
    [InlineData("lib", "points to the directory /lib")]
    [InlineData("lib/link", "points to itself")]
    public void A_hard_link_to_outside_a_directory_or_itself_is_refused(string target, string problem)
    {
        var tar = new LayerTar().Directory("lib").File("x", "1").Hardlink("lib/link", target).Build();

        var error = Refused<UnsafeLayerEntryException>(tar);

        Assert.Equal($"{Where}: hard link \"lib/link\" at offset 4608 {problem}", error.Message);
    }

    [Fact]
    public void A_hard_link_to_a_file_no_layer_has_yet_is_refused()
    {
        var tar = new LayerTar().Hardlink("early", "late").File("late", "x").Build();

        var error = Refused<UnsafeLayerEntryException>(tar);

        Assert.Equal($"{Where}: hard link /early at offset 1024 points to /late, which no earlier entry of this layer and no lower layer has", error.Message);
    }

    [Theory]
    [InlineData(".wh..", "names \".\", not a file")]
    [InlineData("etc/.wh.", "names \"\", not a file")]
    [InlineData("etc/.wh...", "names \"..\", not a file")]
    public void A_whiteout_naming_no_file_is_refused(string name, string problem)
    {
        var tar = new LayerTar().File(name, "").Build();

        var error = Refused<UnsafeLayerEntryException>(tar);
        Assert.Equal($"{Where}: whiteout \"{name}\" at offset 1024 {problem}", error.Message);
    }

    [Fact]
    public void A_file_replacing_the_root_is_refused()
    {
        var tar = new LayerTar().File("./", "x").Build();

        var error = Refused<UnsafeLayerEntryException>(tar);
        Assert.Equal($"{Where}: entry \"./\" at offset 1024 would replace the image root with a file", error.Message);
    }

    [Fact]
    public void A_name_longer_than_any_real_path_is_refused()
    {
        var tar = new LayerTar().File(new string('a', 5000), "x").Build();

        var error = Refused<UnsafeLayerEntryException>(tar);
        Assert.Equal($"{Where}: the entry at offset 5632 has a name of 5000 characters, longer than any real path (4096)", error.Message);
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_per_layer_limit()
    {
        var tar = new LayerTar().File("zeros", new byte[64 << 20]).Build();
        var blob = LayerTar.Gzip(tar, System.IO.Compression.CompressionLevel.SmallestSize);
        var clock = Stopwatch.StartNew();

        var error = Refused<ImageLimitExceededException>(blob, tar, new ImageReadOptions { MaxLayerBytes = 8 << 20 });

        Assert.Equal($"{Where}: expands to more than 8 MiB, the limit for one layer (raise MaxLayerBytes to read it)", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_ratio_limit_without_reading_it_all()
    {
        var tar = new LayerTar().File("zeros", new byte[64 << 20]).Build();
        var blob = LayerTar.Gzip(tar, System.IO.Compression.CompressionLevel.SmallestSize);

        var error = Refused<ImageLimitExceededException>(blob, tar, new ImageReadOptions { CompressionRatioCheckAfterBytes = 4 << 20 });

        Assert.StartsWith($"{Where}: ", error.Message);
        Assert.EndsWith("more than 250 times (a decompression bomb?; raise MaxCompressionRatio to read it)", error.Message);
    }

    [Fact]
    public void Layers_together_stop_at_the_per_image_limit()
    {
        var builder = new Sources.OciLayoutBuilder();
        var tar = new LayerTar().File("f", new byte[3 << 20]).Build();
        var folder = builder.Layout(builder.Image("linux/amd64", tar, tar, tar)).SaveTo(_temp.Folder("image-limit"));

        var error = Assert.Throws<ImageLimitExceededException>(() =>
            ImageReader.Open("oci:" + folder, new ImageReadOptions { MaxImageBytes = 8 << 20 }));

        Assert.EndsWith(": the image expands to more than 8 MiB in all, the limit for one image (raise MaxImageBytes to read it)", error.Message);
    }

    [Fact]
    public void More_entries_than_allowed_are_refused()
    {
        var layer = new LayerTar();
        for (var i = 0; i < 20; i++)
            layer.File($"f{i}", "");
        var error = Refused<ImageLimitExceededException>(layer.Build(), new ImageReadOptions { MaxEntries = 10 });

        Assert.Equal($"{Where}: the image has more than 10 entries (raise MaxEntries to read it)", error.Message);
    }

    [Fact]
    public void A_huge_PAX_header_inside_a_layer_is_refused_before_it_is_read()
    {
        // The claimed 1 GiB is not even there: reading it would end in "truncated", not in this refusal.
        var tar = new LayerTar().File("ok", "1").Raw(LayerTar.Header("PaxHeaders/x", 'x', 1L << 30)).Raw(new byte[4096]).Build(endMarker: false);

        var error = Refused<ImageLimitExceededException>(tar);

        Assert.Equal($"{Where}: the PAX extended header at offset 2048 claims 1 GiB, more than the 1 MiB allowed (raise MaxTarMetadataBytes to read it)", error.Message);
    }

    [Fact]
    public void A_truncated_layer_is_refused_as_truncated()
    {
        var whole = new LayerTar().File("a", new string('a', 4000)).File("b", new string('b', 4000)).Build();
        var tar = whole[..3000];

        var error = Refused<LayerFormatException>(tar, tar);

        Assert.Equal($"{Where}: is truncated: it ends inside the entry at offset 1024 of the uncompressed stream", error.Message);
    }

    [Fact]
    public void A_truncated_gzip_layer_is_refused_as_truncated()
    {
        var whole = new LayerTar().File("a", RandomBytes(20_000)).Build();
        var gzip = LayerTar.Gzip(whole);
        var blob = gzip[..(gzip.Length / 2)];

        var error = Refused<LayerFormatException>(blob, whole);

        Assert.StartsWith($"{Where}: is truncated: it ends inside the entry at offset", error.Message);
    }

    [Fact]
    public void A_truncated_zstd_layer_is_refused_as_truncated()
    {
        var whole = new LayerTar().File("a", RandomBytes(20_000)).Build();
        var zstd = LayerTar.Zstd(whole);
        var blob = zstd[..(zstd.Length / 2)];
        var folder = OneLayerImage.Save(_temp, blob, whole, "application/vnd.oci.image.layer.v1.tar+zstd");

        var error = Assert.Throws<LayerFormatException>(() => ImageReader.Open("oci:" + folder));

        Assert.StartsWith($"{OneLayerImage.Where(folder, blob)}: is truncated: it ends inside the entry at offset", error.Message);
    }

    [Fact]
    public void Corrupt_gzip_data_is_refused()
    {
        var whole = new LayerTar().File("a", RandomBytes(20_000)).Build();
        var blob = LayerTar.Gzip(whole);
        blob[3] = 0xff;

        var error = Refused<LayerFormatException>(blob, whole);

        Assert.StartsWith($"{Where}: is not valid gzip data (", error.Message);
    }

    [Fact]
    public void A_blob_that_differs_from_its_digest_is_refused()
    {
        var tar = new LayerTar().File("a", "original").Build();
        var blob = LayerTar.Gzip(tar);
        var folder = OneLayerImage.Save(_temp, blob, tar);
        var tampered = LayerTar.Gzip(new LayerTar().File("a", "tampered").Build());
        Array.Resize(ref tampered, blob.Length);
        File.WriteAllBytes(Path.Combine(folder, "blobs/sha256/" + LayerTar.Sha256(blob)[7..]), tampered);

        var error = Assert.Throws<DigestMismatchException>(() => ImageReader.Open("oci:" + folder));

        Assert.Equal($"{OneLayerImage.Where(folder, blob)}: has digest {LayerTar.Sha256(tampered)} but {LayerTar.Sha256(blob)} was expected", error.Message);
    }

    [Fact]
    public void A_blob_of_the_wrong_size_is_refused_before_it_is_read()
    {
        var tar = new LayerTar().File("a", "x").Build();
        var blob = LayerTar.Gzip(tar);
        var folder = OneLayerImage.Save(_temp, blob, tar);
        File.WriteAllBytes(Path.Combine(folder, "blobs/sha256/" + LayerTar.Sha256(blob)[7..]), blob[..^1]);

        var error = Assert.Throws<DigestMismatchException>(() => ImageReader.Open("oci:" + folder));

        Assert.Equal($"{OneLayerImage.Where(folder, blob)}: is {blob.Length - 1} bytes but the manifest says {blob.Length}", error.Message);
    }

    [Fact]
    public void Content_that_differs_from_the_configʼs_diff_id_is_refused()
    {
        var tar = new LayerTar().File("a", "x").Build();
        var other = new LayerTar().File("a", "y").Build();
        var blob = LayerTar.Gzip(tar);

        var error = Refused<DigestMismatchException>(blob, other);

        Assert.Equal($"{Where}: uncompresses to content with digest {LayerTar.Sha256(tar)} but the config's diff id is {LayerTar.Sha256(other)}", error.Message);
    }

    [Fact]
    public void Compression_no_layer_uses_is_refused()
    {
        byte[] xz = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3];

        var error = Refused<LayerFormatException>(xz, xz);
        Assert.Equal($"{Where}: is compressed with xz, which image layers do not use", error.Message);
    }

    [Fact]
    public void Old_GNU_sparse_entries_and_unknown_entry_types_are_refused()
    {
        var sparse = Refused<LayerFormatException>(new LayerTar().Raw(LayerTar.Header("disk.img", 'S', 0)).Build());
        Assert.Equal($"{Where}: the tar header at offset 0 is an old-style GNU sparse file, which image layers do not use and this reader does not support",
            sparse.Message);

        var unknown = new LayerTar().Raw(LayerTar.Header("odd", 'Z', 0)).Build();
        var error = Refused<LayerFormatException>(unknown);
        Assert.Equal($"{Where}: entry \"odd\" at offset 0 has tar type 'Z', which image layers do not use", error.Message);
    }

    [Fact]
    public void Bytes_that_are_no_tar_at_all_are_refused()
    {
        var junk = Encoding.ASCII.GetBytes(new string('j', 2048));

        var error = Refused<LayerFormatException>(junk, junk);
        Assert.StartsWith($"{Where}: the tar header at offset 0 has an invalid size field", error.Message);
    }

    [Fact]
    public void Control_characters_in_names_are_escaped_so_the_message_stays_one_line()
    {
        var tar = new LayerTar(System.Formats.Tar.TarEntryFormat.Ustar).File("../evil\nname\u001b[31m", "x").Build();

        var message = Refused<UnsafeLayerEntryException>(tar).Message;

        Assert.DoesNotContain('\n', message);
        Assert.Contains("\"../evil\\nname\\x1b[31m\"", message);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
