using Stagecraft.Images;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>Every image in dive's test data opens, with the layers and sizes dive reports for them.</summary>
public sealed class DiveImagesTests
{
    private static string Image(string name) => SharedData.Require(Path.Combine("testdata", "dive-images", name));

    [Fact]
    public void The_docker_save_archive_has_diveʼs_fourteen_layers_and_per_layer_sizes()
    {
        var image = ImageReader.Open(new DockerArchiveReference(Image("test-docker-image.tar"), null, null));

        long[] diveSizes = [1154361, 6405, 0, 6405, 6405, 6405, 6405, 6405, 6405, 0, 2187, 6405, 6405, 6405];
        Assert.Equal(diveSizes, image.Layers.Select(l => l.FileBytes));
        Assert.Equal(1_220_598, image.Layers.Sum(l => l.FileBytes));
        Assert.Equal(["dive-test:latest"], image.Tags);
        Assert.Null(image.ManifestDigest);
        Assert.Equal("sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a", image.ConfigDigest.ToString());
        Assert.Equal(new ImagePlatform("linux", "amd64"), image.Platform);
        // Uncompressed archive layers: the blob digest is the diff id, and both match the config.
        Assert.All(image.Layers, l => Assert.Equal(l.Digest, l.DiffId));
        Assert.Equal(image.Config.DiffIds, image.Layers.Select(l => l.DiffId.ToString()));
        Assert.All(image.Layers, l => Assert.Equal(LayerCompression.None, l.Compression));
        Assert.All(image.Layers, l => Assert.Equal("application/vnd.docker.image.rootfs.diff.tar", l.MediaType));
    }

    [Fact]
    public void The_docker_save_archive_shows_its_whiteouts_and_the_files_they_delete()
    {
        var image = ImageReader.Open("docker-archive:" + Image("test-docker-image.tar"));

        var whiteouts = image.Layers.SelectMany(l => l.Entries.Where(e => e.Kind == LayerEntryKind.Whiteout).Select(e => (l.Index, e.Path))).ToArray();
        // The Dockerfile removes somefile3.txt, then the whole /root/example folder.
        Assert.Equal([(7, "/root/example/somefile3.txt"), (9, "/root/example")], whiteouts);
        // busybox's applets are hard links to one binary.
        Assert.Contains(image.Layers[0].Entries, e => e is { Path: "/bin/[", Kind: LayerEntryKind.File, Size: 1075464 });
        Assert.Contains(image.Layers[0].Entries, e => e is { Path: "/bin/sh", Kind: LayerEntryKind.Hardlink, LinkTarget: "bin/[" });
        Assert.All(image.Layers.SelectMany(l => l.Entries), e => Assert.StartsWith("/", e.Path));
        Assert.Equal("sh", Assert.Single(image.Config.Cmd!));
        Assert.Equal(image.Layers.Count, image.Config.History.Count(h => !h.EmptyLayer));
    }

    [Fact]
    public void Kanikoʼs_archive_opens_with_its_gzip_layers_named_by_digest()
    {
        var image = ImageReader.Open("docker-archive:" + Image("test-kaniko-image.tar"));

        Assert.Equal(14, image.Layers.Count);
        Assert.All(image.Layers, l => Assert.Equal(LayerCompression.Gzip, l.Compression));
        Assert.All(image.Layers, l => Assert.NotEqual(l.Digest, l.DiffId));
        Assert.Equal("5c4213be9af904dd74649d250f22023f532b2f9179ffcb15260b5eaa10d7a3b4", image.Layers[0].Digest.Hex);
        Assert.Equal(["dive-test:kaniko-latest"], image.Tags);
        Assert.Equal("sha256:ae16a51058a758c7963b2f9b23d1acfa201ce9cbefc8cb93845f8cd934fb144d", image.ConfigDigest.ToString());
        Assert.True(image.Layers[0].FileBytes > 1_000_000);
        Assert.True(image.Layers.Sum(l => l.CompressedSize) < image.Layers.Sum(l => l.UncompressedSize));
    }

    [Theory]
    [InlineData("test-oci-uncompressed-image.tar", LayerCompression.None)]
    [InlineData("test-oci-gzip-image.tar", LayerCompression.Gzip)]
    [InlineData("test-oci-zstd-image.tar", LayerCompression.Zstd)]
    [InlineData("test-oci-estargz-image.tar", LayerCompression.EStargz)]
    public void Each_OCI_archive_opens_its_only_platform_with_a_note(string file, LayerCompression compression)
    {
        var image = ImageReader.Open("oci-archive:" + Image(file));

        var layer = Assert.Single(image.Layers);
        Assert.Equal(compression, layer.Compression);
        Assert.Equal(new ImagePlatform("linux", "arm64"), image.Platform);
        Assert.StartsWith("platform linux/arm64, the only one in the image", image.PlatformNote);
        Assert.NotNull(image.ManifestDigest);
        var readme = Assert.Single(layer.Entries);
        Assert.Equal(new LayerEntry("/README.md", LayerEntryKind.File, 11189, 0b110_100_100, 0, 0, null, readme.ModificationTime), readme);
        Assert.Equal(11189, layer.FileBytes);
        Assert.Equal(image.Config.DiffIds[0], layer.DiffId.ToString());
    }

    [Fact]
    public void An_explicit_platform_that_the_image_lacks_is_refused_with_the_platforms_it_has()
    {
        var file = Image("test-oci-gzip-image.tar");
        var error = Assert.Throws<ImageSelectionException>(() =>
            ImageReader.Open("oci-archive:" + file, new ImageReadOptions { Platform = ImagePlatform.Parse("linux/amd64") }));

        Assert.Equal($"{file}: index.json: has no linux/amd64 image (it has linux/arm64)", error.Message);
    }

    [Fact]
    public void Kept_content_is_the_fileʼs_bytes()
    {
        var image = ImageReader.Open("oci-archive:" + Image("test-oci-zstd-image.tar"),
            new ImageReadOptions { ContentWanted = (path, _) => path == "/README.md" });

        var content = Assert.Single(image.Layers).Entries[0].Content;
        Assert.NotNull(content);
        Assert.StartsWith("# dive", System.Text.Encoding.UTF8.GetString(content.Value.Span));
        Assert.Equal(11189, content.Value.Length);
    }
}
