using System.Text.Json;
using Stagecraft.Tests.Cli;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>dive's test images through <c>stagecraft inspect</c>: the JSON carries dive's own figures, every image opens, and the Dockerfile that built them maps line by line.</summary>
public sealed class DiveImagesInspectTests
{
    private static string Image(string name) => SharedData.Require(Path.Combine("testdata", "dive-images", name));

    [Fact]
    public void The_json_diveCompatible_figures_are_diveʼs_own_for_its_test_image()
    {
        using var dive = DiveSnapshot();
        var image = dive.RootElement.GetProperty("image");

        using var json = Inspect("docker-archive:" + Image("test-docker-image.tar"), "--top", "100");
        var figures = json.RootElement.GetProperty("diveCompatible");

        Assert.Equal(image.GetProperty("efficiencyScore").GetDouble(), figures.GetProperty("efficiencyScore").GetDouble());
        Assert.Equal(image.GetProperty("inefficientBytes").GetInt64(), figures.GetProperty("inefficientBytes").GetInt64());
        Assert.Equal(image.GetProperty("sizeBytes").GetInt64(), figures.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(image.GetProperty("sizeBytes").GetInt64(), json.RootElement.GetProperty("totalSize").GetInt64());
        Assert.Equal(
            image.GetProperty("fileReference").EnumerateArray().Select(f => (f.GetProperty("file").GetString(), f.GetProperty("count").GetInt32(), f.GetProperty("sizeBytes").GetInt64())),
            figures.GetProperty("inefficientFiles").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("count").GetInt32(), f.GetProperty("sizeBytes").GetInt64())));
        // dive's user-wasted figure is inefficient bytes over all layers but the first; its snapshot does not record it.
        var layers = dive.RootElement.GetProperty("layer").EnumerateArray().ToArray();
        var userSize = layers.Skip(1).Sum(l => l.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(image.GetProperty("inefficientBytes").GetInt64() / (double)userSize, figures.GetProperty("userWastedPercent").GetDouble());
        Assert.Equal(
            layers.Select(l => (l.GetProperty("digestId").GetString(), l.GetProperty("sizeBytes").GetInt64())),
            json.RootElement.GetProperty("layers").EnumerateArray().Select(l => (l.GetProperty("diffId").GetString(), l.GetProperty("size").GetInt64())));
    }

    [Theory]
    [InlineData("docker-archive:", "test-docker-image.tar", 14)]
    [InlineData("docker-archive:", "test-kaniko-image.tar", 14)]
    [InlineData("oci-archive:", "test-oci-uncompressed-image.tar", 1)]
    [InlineData("oci-archive:", "test-oci-gzip-image.tar", 1)]
    [InlineData("oci-archive:", "test-oci-zstd-image.tar", 1)]
    [InlineData("oci-archive:", "test-oci-estargz-image.tar", 1)]
    public void Every_dive_test_image_is_inspected_in_both_formats(string transport, string file, int layers)
    {
        var reference = transport + Image(file);

        var tty = CliRun.Run("inspect", reference);
        using var json = Inspect(reference);

        Assert.Equal((0, ""), (tty.ExitCode, tty.Error));
        Assert.Contains("Layers", tty.OutputText);
        Assert.Equal(layers, json.RootElement.GetProperty("layers").GetArrayLength());
        Assert.Equal(json.RootElement.GetProperty("totalSize").GetInt64(),
            json.RootElement.GetProperty("filesystemSize").GetInt64() + json.RootElement.GetProperty("reclaimableBytes").GetInt64());
    }

    [Theory]
    [InlineData("test-docker-image.tar")]
    [InlineData("test-kaniko-image.tar")]
    public void The_Dockerfile_that_built_the_image_maps_each_layer_to_its_line(string file)
    {
        // Built by the classic builder and by kaniko from the same Dockerfile; the busybox layer came with FROM.
        using var json = Inspect("docker-archive:" + Image(file), "--dockerfile", Image("Dockerfile.test-image"));

        var instructions = json.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("instruction")).ToArray();
        Assert.Equal(Enumerable.Range(1, 14), instructions.Select(i => i.GetProperty("line").GetInt32()));
        Assert.Equal(["base-image", .. Enumerable.Repeat("exact", 13)], instructions.Select(i => i.GetProperty("match").GetString()));
        Assert.Equal("RUN chmod +x /root/saved.txt", instructions[^1].GetProperty("text").GetString());
        Assert.Empty(json.RootElement.GetProperty("notes").EnumerateArray());
    }

    private static JsonDocument Inspect(string reference, params string[] options)
    {
        var result = CliRun.Run(["inspect", reference, "--format", "json", .. options]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Output);
    }

    /// <summary>dive's snapshot of its JSON export for test-docker-image.tar: a header line, the JSON, a "---" line.</summary>
    private static JsonDocument DiveSnapshot()
    {
        var lines = File.ReadAllLines(Image("export_test.snap"));
        var body = lines.SkipWhile(l => !l.StartsWith('{')).TakeWhile(l => l != "---");
        return JsonDocument.Parse(string.Join('\n', body));
    }
}
