using System.Text.Json.Nodes;
using Stagecraft.Images;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>OCI layouts, as folders and as tars: indexes, nested indexes, platforms and tags.</summary>
public sealed class OciLayoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Layer(string file, string content) => new LayerTar().File(file, content).Build();

    private (OciLayoutBuilder Builder, JsonObject Amd64, JsonObject Arm64) TwoPlatforms()
    {
        var builder = new OciLayoutBuilder();
        var amd64 = builder.Image("linux/amd64", Layer("arch", "amd64"));
        var arm64 = builder.Image("linux/arm64/v8", Layer("arch", "arm64"));
        return (builder, amd64, arm64);
    }

    private static string Arch(OpenedImage image) =>
        System.Text.Encoding.UTF8.GetString(image.Layers[0].Entries.Single(e => e.Path == "/arch").Content!.Value.Span);

    private static ImageReadOptions Keep(string? platform = null) => new()
    {
        ContentWanted = (path, _) => path == "/arch",
        Platform = platform is null ? null : ImagePlatform.Parse(platform),
    };

    [Fact]
    public void An_index_of_two_platforms_gives_this_machineʼs_by_default()
    {
        var (builder, amd64, arm64) = TwoPlatforms();
        var folder = builder.Layout(amd64, arm64).SaveTo(_temp.Folder("layout"));
        var host = ImagePlatform.Host;
        if (host.Architecture is not ("amd64" or "arm64"))
            Assert.Skip($"this machine ({host}) is neither of the fixture's platforms");

        var image = ImageReader.Open("oci:" + folder, Keep());

        Assert.Equal(host.Architecture, Arch(image));
        Assert.Equal($"platform {image.Platform}, this machine's, chosen out of 2", image.PlatformNote);
    }

    [Fact]
    public void The_platform_option_picks_an_image_and_the_variant_may_be_left_out()
    {
        var (builder, amd64, arm64) = TwoPlatforms();
        var folder = builder.Layout(amd64, arm64).SaveTo(_temp.Folder("layout"));

        var image = ImageReader.Open("oci:" + folder, Keep("linux/arm64"));

        Assert.Equal("arm64", Arch(image));
        Assert.Equal(new ImagePlatform("linux", "arm64", "v8"), image.Platform);
        Assert.Equal("platform linux/arm64/v8, as asked", image.PlatformNote);
        Assert.Equal((string)arm64["digest"]!, image.ManifestDigest!.ToString());
    }

    [Fact]
    public void A_platform_the_index_lacks_is_refused_with_the_ones_it_has()
    {
        var (builder, amd64, arm64) = TwoPlatforms();
        var folder = builder.Layout(amd64, arm64).SaveTo(_temp.Folder("layout"));

        var error = Assert.Throws<ImageSelectionException>(() => ImageReader.Open("oci:" + folder, Keep("linux/s390x")));

        Assert.Equal($"{folder}: index.json: has no linux/s390x image (it has linux/amd64, linux/arm64/v8)", error.Message);
    }

    [Fact]
    public void Nested_indexes_are_followed_and_attestations_ignored()
    {
        var (builder, amd64, arm64) = TwoPlatforms();
        var attestation = builder.Image("linux/amd64", Layer("sbom", "{}"));
        attestation["platform"] = new JsonObject { ["architecture"] = "unknown", ["os"] = "unknown" };
        var inner = builder.Index(amd64, arm64, attestation);
        var outer = builder.Index(inner);
        var archive = builder.Layout((outer, "1.0")).SaveAsTar(Path.Combine(_temp.FullPath, "nested.tar"));

        var image = ImageReader.Open("oci-archive:" + archive + ":1.0", Keep("linux/amd64"));

        Assert.Equal("amd64", Arch(image));
        Assert.Equal(["1.0"], image.Tags);
    }

    [Fact]
    public void A_layout_holding_several_tagged_images_needs_a_tag()
    {
        var builder = new OciLayoutBuilder();
        var one = builder.Image("linux/amd64", Layer("arch", "one"));
        var two = builder.Image("linux/amd64", Layer("arch", "two"));
        var folder = builder.Layout((one, "one"), (two, "two")).SaveTo(_temp.Folder("tags"));

        var error = Assert.Throws<ImageSelectionException>(() => ImageReader.Open("oci:" + folder));
        Assert.Equal($"{folder}: index.json: holds several images (tags: one, two); name one as oci:{folder}:TAG", error.Message);

        Assert.Equal("two", Arch(ImageReader.Open($"oci:{folder}:two", Keep())));

        var missing = Assert.Throws<ImageSelectionException>(() => ImageReader.Open($"oci:{folder}:three"));
        Assert.Equal($"{folder}: index.json: has no image tagged \"three\" (tags: one, two)", missing.Message);
    }

    [Fact]
    public void A_platform_whose_manifest_was_not_saved_is_skipped_with_a_note()
    {
        var (builder, amd64, arm64) = TwoPlatforms();
        builder.Layout(amd64, arm64);
        builder.Files.Remove("blobs/sha256/" + ((string)amd64["digest"]!)[7..]);
        var folder = builder.SaveTo(_temp.Folder("partial"));

        var image = ImageReader.Open("oci:" + folder, Keep());

        Assert.Equal("arm64", Arch(image));
        Assert.Contains("1 manifest listed in the index is not in the layout (platforms not saved)", image.Notes);
        Assert.StartsWith("platform linux/arm64/v8, the only one in the image", image.PlatformNote);
    }

    [Fact]
    public void An_index_entry_without_a_platform_takes_it_from_the_config()
    {
        var builder = new OciLayoutBuilder();
        var manifest = builder.Image("linux/ppc64le", Layer("arch", "ppc"));
        manifest.Remove("platform");
        var folder = builder.Layout(manifest).SaveTo(_temp.Folder("plain"));

        var image = ImageReader.Open("oci:" + folder);
        Assert.Equal(new ImagePlatform("linux", "ppc64le"), image.Platform);

        var error = Assert.Throws<ImageSelectionException>(() => ImageReader.Open("oci:" + folder, Keep("linux/amd64")));
        Assert.EndsWith("has no linux/amd64 image (it has linux/ppc64le)", error.Message);
    }

    [Fact]
    public void Docker_media_types_and_every_layer_compression_read_alike()
    {
        var tar = Layer("etc/os-release", "ID=test\n");
        var builder = new OciLayoutBuilder();
        var manifest = builder.Image("linux/amd64",
        [
            (tar, "application/vnd.docker.image.rootfs.diff.tar", tar),
            (LayerTar.Gzip(tar), "application/vnd.docker.image.rootfs.diff.tar.gzip", tar),
            (LayerTar.Zstd(tar), "application/vnd.oci.image.layer.v1.tar+zstd", tar),
        ]);
        var folder = builder.Layout(manifest).SaveTo(_temp.Folder("docker-types"));

        var image = ImageReader.Open("oci:" + folder);

        Assert.Equal([LayerCompression.None, LayerCompression.Gzip, LayerCompression.Zstd], image.Layers.Select(l => l.Compression));
        Assert.All(image.Layers, l => Assert.Equal(LayerTar.Sha256(tar), l.DiffId.ToString()));
        Assert.Equal(image.Layers[0].Digest, image.Layers[0].DiffId);
        Assert.Empty(image.Notes);
        Assert.Equal(3 * 8, image.Layers.Sum(l => l.FileBytes));
    }

    [Fact]
    public void A_media_type_that_disagrees_with_the_bytes_is_reported_and_the_bytes_win()
    {
        var tar = Layer("a", "x");
        var builder = new OciLayoutBuilder();
        var manifest = builder.Image("linux/amd64",
        [
            (LayerTar.Gzip(tar), "application/vnd.oci.image.layer.v1.tar", tar),
            (tar, "application/vnd.example.unknown", tar),
        ]);
        var folder = builder.Layout(manifest).SaveTo(_temp.Folder("mismatch"));

        var image = ImageReader.Open("oci:" + folder);

        Assert.Equal(LayerCompression.Gzip, image.Layers[0].Compression);
        Assert.Equal(
        [
            "layer 0: media type application/vnd.oci.image.layer.v1.tar says an uncompressed tar but the bytes are gzip; read as gzip",
            "layer 1: media type application/vnd.example.unknown is not a layer type this reader knows; read as an uncompressed tar by its first bytes",
        ], image.Notes);
    }

    [Fact]
    public void A_hard_link_may_name_a_file_of_a_lower_layer()
    {
        var builder = new OciLayoutBuilder();
        var manifest = builder.Image("linux/amd64",
            new LayerTar().Directory("usr").File("usr/python3.12", "binary").Build(),
            new LayerTar().Hardlink("usr/python3", "usr/python3.12").Build());
        var folder = builder.Layout(manifest).SaveTo(_temp.Folder("links"));

        var image = ImageReader.Open("oci:" + folder);

        Assert.Equal(new LayerEntry("/usr/python3", LayerEntryKind.Hardlink, 0, 0b110_100_100, 0, 0, "usr/python3.12", LayerTar.Time), image.Layers[1].Entries.Single());
    }

    [Fact]
    public void Every_layer_is_read_in_layer_order_whatever_the_parallelism()
    {
        var builder = new OciLayoutBuilder();
        var tars = Enumerable.Range(0, 12).Select(i => new LayerTar().File($"layer{i}", new string('x', i * 1000)).Build()).ToArray();
        var folder = builder.Layout(builder.Image("linux/amd64", tars)).SaveTo(_temp.Folder("many"));

        var serial = ImageReader.Open("oci:" + folder, new ImageReadOptions { MaxParallelism = 1 });
        var parallel = ImageReader.Open("oci:" + folder, new ImageReadOptions { MaxParallelism = 4 });

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"/layer{i}"), parallel.Layers.Select(l => l.Entries.Single().Path));
        Assert.Equal(serial.Layers.Select(l => (l.Index, l.Digest, l.DiffId, l.FileBytes)), parallel.Layers.Select(l => (l.Index, l.Digest, l.DiffId, l.FileBytes)));
    }

    [Fact]
    public void The_config_is_mapped_onto_the_shared_record()
    {
        var builder = new OciLayoutBuilder();
        var tar = Layer("app", "x");
        var config = new JsonObject
        {
            ["User"] = "app",
            ["Env"] = new JsonArray("A=1"),
            ["Entrypoint"] = new JsonArray("/app"),
            ["WorkingDir"] = "/srv",
            ["ExposedPorts"] = new JsonObject { ["8080/tcp"] = new JsonObject() },
            ["Labels"] = new JsonObject { ["org.opencontainers.image.title"] = "demo" },
            ["Healthcheck"] = new JsonObject { ["Test"] = new JsonArray("CMD-SHELL", "true"), ["Interval"] = 30_000_000_000L, ["Retries"] = 3 },
            ["StopSignal"] = "SIGTERM",
        };
        var manifest = builder.Image("linux/amd64", [(LayerTar.Gzip(tar), "application/vnd.oci.image.layer.v1.tar+gzip", tar)], config);
        var folder = builder.Layout(manifest).SaveTo(_temp.Folder("config"));

        var image = ImageReader.Open("oci:" + folder).Config;

        Assert.Equal("app", image.User);
        Assert.Equal(["A=1"], image.Env);
        Assert.Equal(["/app"], image.Entrypoint!);
        Assert.Null(image.Cmd);
        Assert.Equal("/srv", image.WorkingDir);
        Assert.Equal(["8080/tcp"], image.ExposedPorts);
        Assert.Equal("demo", image.Labels["org.opencontainers.image.title"]);
        var health = image.Healthcheck!;
        Assert.Equal(["CMD-SHELL", "true"], health.Test);
        Assert.Equal((health.Interval, health.Timeout, health.StartPeriod, health.Retries), (TimeSpan.FromSeconds(30), null, null, 3));
        Assert.Equal("SIGTERM", image.StopSignal);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567), image.Created);
    }
}
