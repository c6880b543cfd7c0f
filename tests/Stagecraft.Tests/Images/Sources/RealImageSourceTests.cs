using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Images;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Daemon;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>
/// The images scripts/test.sh built with a real Docker engine, opened through every source that can reach them: each
/// must show the layers and config the engine itself reported, and all four the same entries and sizes.
/// </summary>
public sealed class RealImageSourceTests
{
    /// <summary>The docker save archive read once per image, what the other sources are compared with.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<OpenedImage>> Baselines = new();

    private static OpenedImage Baseline(RealImage real) =>
        Baselines.GetOrAdd(real.Name, _ => new Lazy<OpenedImage>(() => ImageReader.Open("docker-archive:" + real.DockerArchive))).Value;

    private static string Reference(RealImage real, string transport) => transport switch
    {
        "docker-archive" => "docker-archive:" + real.DockerArchive,
        "oci" => $"oci:{real.OciLayout}:latest",
        "oci-archive" => $"oci-archive:{real.OciArchive}:latest",
        _ => "docker-daemon:" + real.DaemonName,
    };

    [Theory]
    [InlineData(RealImages.GccSingle, "docker-archive")]
    [InlineData(RealImages.GccSingle, "oci")]
    [InlineData(RealImages.GccSingle, "oci-archive")]
    [InlineData(RealImages.GccSingle, "docker-daemon")]
    [InlineData(RealImages.MultiStage, "docker-archive")]
    [InlineData(RealImages.MultiStage, "oci")]
    [InlineData(RealImages.MultiStage, "oci-archive")]
    [InlineData(RealImages.MultiStage, "docker-daemon")]
    public void Each_source_shows_the_layers_and_config_docker_image_inspect_reported(string name, string transport)
    {
        var real = RealImages.Require(name);
        if (transport == "docker-daemon")
            RealImages.RequireDaemon();
        var inspect = JsonNode.Parse(real.InspectJson)!.AsArray().Single()!;

        var image = ImageReader.Open(Reference(real, transport));

        Assert.Equal(inspect["RootFS"]!["Layers"]!.AsArray().Select(l => (string)l!), image.Layers.Select(l => l.DiffId.ToString()));
        var config = inspect["Config"]!;
        Assert.Equal((string)config["User"]!, image.Config.User ?? "");
        Assert.Equal((string)config["WorkingDir"]!, image.Config.WorkingDir ?? "");
        Assert.Equal(config["Env"]!.AsArray().Select(e => (string)e!), image.Config.Env);
        Assert.Equal(config["Cmd"]!.AsArray().Select(e => (string)e!), image.Config.Cmd!);
        Assert.Equal(config["Labels"]!.AsObject().Select(p => (p.Key, (string)p.Value!)), image.Config.Labels.Select(p => (p.Key, p.Value)));
        Assert.Equal(((string)inspect["Os"]!, (string)inspect["Architecture"]!), (image.Platform.Os, image.Platform.Architecture));
        // Docker's Size is what its storage driver counts in each layer's directory: every non-directory's st_size
        // (a symlink's is the length of its target), hard links once. The tar streams we measure also hold headers,
        // padding and directories, so UncompressedSize is larger; the regular files' bytes plus the symlink targets
        // are exactly Docker's figure.
        Assert.Equal((long)inspect["Size"]!, image.Layers.Sum(l => l.FileBytes + SymlinkTargetBytes(l)));
        Assert.True(image.UncompressedSize > (long)inspect["Size"]!);

        var baseline = Baseline(real);
        Assert.Equal(baseline.Layers.Count, image.Layers.Count);
        foreach (var (expected, actual) in baseline.Layers.Zip(image.Layers))
        {
            Assert.Equal(expected.UncompressedSize, actual.UncompressedSize);
            Assert.Equal(expected.FileCount, actual.FileCount);
            Assert.Equal(expected.FileBytes, actual.FileBytes);
            Assert.True(expected.Entries.Select(e => (e.Path, e.Kind, e.Size, e.LinkTarget)).SequenceEqual(actual.Entries.Select(e => (e.Path, e.Kind, e.Size, e.LinkTarget))),
                $"layer {actual.Index} read through {transport} has other entries than the docker save archive's");
        }

        switch (transport)
        {
            case "docker-archive" or "docker-daemon":
                // The engine's own config, so its digest is the image id; and docker save keeps layers as plain tar
                // streams, so the stored digest is the diff id.
                Assert.Equal((string)inspect["Id"]!, image.ConfigDigest.ToString());
                Assert.All(image.Layers, l => Assert.Equal(l.DiffId, l.Digest));
                Assert.All(image.Layers, l => Assert.Equal(l.UncompressedSize, l.CompressedSize));
                Assert.Null(image.ManifestDigest);
                Assert.Equal([real.DaemonName], image.Tags);
                break;
            default:
                // skopeo wrote the config again as an OCI config (its digest is not the image id; the reader checked
                // it against the OCI manifest) and gzipped the layers: other stored digests, the same content.
                Assert.All(image.Layers, l => Assert.Equal(LayerCompression.Gzip, l.Compression));
                Assert.All(image.Layers, l => Assert.NotEqual(l.DiffId, l.Digest));
                Assert.True(image.CompressedSize < image.UncompressedSize);
                Assert.NotNull(image.ManifestDigest);
                break;
        }
    }

    [Fact]
    public void The_engine_names_an_image_it_does_not_have()
    {
        RealImages.Require(RealImages.MultiStage);
        RealImages.RequireDaemon();

        var error = Assert.Throws<ImageSelectionException>(() => ImageReader.Open("docker-daemon:stagecraft-test/no-such-image:1"));

        Assert.Equal("docker-daemon:stagecraft-test/no-such-image:1: the engine has no image stagecraft-test/no-such-image:1", error.Message);
    }

    [Fact]
    public void A_bare_name_finds_a_test_image_in_the_engine()
    {
        var real = RealImages.Require(RealImages.MultiStage);
        RealImages.RequireDaemon();

        Assert.True(DockerDaemonSource.HasImage(DockerImageName.Parse(real.DaemonName), out var whyNot, TestContext.Current.CancellationToken), whyNot);
        Assert.False(DockerDaemonSource.HasImage(DockerImageName.Parse("stagecraft-test/no-such-image:1"), out whyNot, TestContext.Current.CancellationToken));
        Assert.Equal("the engine has no image stagecraft-test/no-such-image:1", whyNot);
    }

    [Fact]
    public void Reading_from_the_engine_reports_progress_layer_by_layer()
    {
        var real = RealImages.Require(RealImages.GccSingle);
        RealImages.RequireDaemon();
        var reports = new ConcurrentQueue<ImageReadProgress>();

        var image = ImageReader.Open("docker-daemon:" + real.DaemonName, ImageReadOptions.Default with { Progress = new Collect(reports) });

        var layers = image.Layers.Count;
        Assert.All(reports, r => Assert.Equal(layers, r.LayerCount));
        Assert.Equal(0, reports.First().LayersDone);
        Assert.Equal(layers, reports.Last().LayersDone);
        // Bytes count the layers read as they streamed by: each distinct layer over the 64 KiB the reader keeps in memory.
        var streamed = image.Layers.Where(l => l.CompressedSize > 64 * 1024).DistinctBy(l => l.DiffId).Sum(l => l.CompressedSize);
        Assert.Equal(streamed, reports.Last().StoredBytesRead);
    }

    private sealed class Collect(ConcurrentQueue<ImageReadProgress> reports) : IProgress<ImageReadProgress>
    {
        public void Report(ImageReadProgress value) => reports.Enqueue(value);
    }

    private static long SymlinkTargetBytes(ImageLayer layer) =>
        layer.Entries.Where(e => e.Kind == LayerEntryKind.Symlink).Sum(e => (long)Encoding.UTF8.GetByteCount(e.LinkTarget ?? ""));
}
