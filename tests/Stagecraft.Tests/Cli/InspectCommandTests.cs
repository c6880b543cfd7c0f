using System.Text.Json;
using Stagecraft.Tests.Images.Inspection;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary><c>stagecraft inspect</c>: the tty and json reports of a crafted image, --output, progress only on a terminal, and every usage or input error exiting 2 with one line.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (string Reference, string Folder, string Dockerfile) Sample()
    {
        var folder = _temp.Folder("sample");
        var reference = SampleImage.Create().Save(folder);
        var dockerfile = _temp.Write("Dockerfile", SampleImage.Dockerfile);
        return (reference, folder, dockerfile);
    }

    /// <summary>Temporary paths and the host's platform would make the output differ from machine to machine.</summary>
    private static string Stable(string text, string folder, string dockerfile) => text
        .Replace(JsonEncodedText.Encode(folder).ToString(), "{image}", StringComparison.Ordinal)
        .Replace(folder, "{image}", StringComparison.Ordinal)
        .Replace(JsonEncodedText.Encode(dockerfile).ToString(), "{dockerfile}", StringComparison.Ordinal)
        .Replace(dockerfile, "{dockerfile}", StringComparison.Ordinal)
        .Replace($" (this machine is {Stagecraft.Images.Sources.ImagePlatform.Host})", "", StringComparison.Ordinal);

    [Fact]
    public void Json_of_the_sample_image_matches_the_documented_golden_file()
    {
        var (reference, folder, dockerfile) = Sample();

        var result = CliRun.Run("inspect", reference, "--format", "json", "--dockerfile", dockerfile, "--top", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        GoldenFile.AssertMatches("tests/Stagecraft.Tests/Images/Inspection/Golden/sample-image.json", Stable(result.OutputText, folder, dockerfile));
    }

    [Fact]
    public void Tty_of_the_sample_image_shows_layers_summary_largest_files_and_notes()
    {
        var (reference, folder, dockerfile) = Sample();

        var result = CliRun.Run("inspect", reference, "--dockerfile", dockerfile, "--top", "4");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        GoldenFile.AssertMatches("tests/Stagecraft.Tests/Images/Inspection/Golden/sample-image.txt", Stable(result.OutputText, folder, dockerfile));
    }

    [Fact]
    public void Tty_without_a_Dockerfile_shows_what_each_layerʼs_step_ran()
    {
        var (reference, _, _) = Sample();

        var result = CliRun.Run("inspect", reference);

        var lines = result.OutputText.Split('\n');
        var header = Array.FindIndex(lines, l => l.Contains("CREATED BY", StringComparison.Ordinal));
        Assert.True(header > 0, result.ToString());
        Assert.EndsWith("ADD file:0d5ac3a1bc7d… in /", lines[header + 1]);
        Assert.EndsWith("RUN apt-get update && apt-get install -y make", lines[header + 2]);
        Assert.EndsWith("RUN rm /app/data.bin && echo hi > /app/main", lines[header + 3]);
        Assert.DoesNotContain("\u001b[", result.OutputText);
    }

    [Fact]
    public void Colour_follows_the_terminal_and_long_steps_are_cut_to_its_width()
    {
        var command = "echo " + new string('x', 150);
        var image = new CraftedImage().Layer("/bin/sh -c " + command, new Stagecraft.Tests.Images.Layers.LayerTar().File("a", "1"));
        var reference = image.Save(_temp.Folder("long"));

        var result = CliRun.In(new CliSetting { Terminal = true }, "inspect", reference);

        Assert.Contains("\u001b[1m", result.OutputText);
        var plain = System.Text.RegularExpressions.Regex.Replace(result.OutputText, "\u001b\\[[0-9;]*m", "");
        var row = Assert.Single(plain.Split('\n'), line => line.Contains("RUN echo xxx", StringComparison.Ordinal));
        Assert.Equal(100, row.Length);
        Assert.EndsWith("x…", row);
    }

    [Fact]
    public void Output_goes_to_the_file_named_and_nothing_to_standard_output()
    {
        var (reference, _, _) = Sample();
        var report = Path.Combine(_temp.FullPath, "report.json");

        var result = CliRun.Run("inspect", reference, "--format", "json", "--output", report);

        Assert.Equal((0, "", ""), (result.ExitCode, result.OutputText, result.Error));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(SampleImage.DeletedFileSize, json.RootElement.GetProperty("reclaimableBytes").GetInt64());
    }

    [Fact]
    public void Progress_is_drawn_on_standard_error_only_when_it_is_a_terminal()
    {
        var (reference, _, _) = Sample();

        var terminal = CliRun.In(new CliSetting { ErrorTerminal = true }, "inspect", reference, "--format", "json");
        var inCi = CliRun.In(new CliSetting { ErrorTerminal = true, Environment = new Dictionary<string, string> { ["CI"] = "true" } }, "inspect", reference, "--format", "json");
        var piped = CliRun.Run("inspect", reference, "--format", "json");

        Assert.Contains("reading layers 0/3", terminal.Error);
        Assert.Contains("read 3 layers", terminal.Error);
        Assert.EndsWith("\r\u001b[K", terminal.Error);
        Assert.Equal(piped.OutputText, terminal.OutputText);
        Assert.Equal("", inCi.Error);
        Assert.Equal("", piped.Error);
    }

    [Theory]
    [InlineData(0, 14, 0, 1_470_464L, "reading layers 0/14 · 0 B of 1.47 MB")]
    [InlineData(3, 14, 520_000, 1_470_464L, "reading layers 3/14 · 520 kB of 1.47 MB")]
    [InlineData(1, 3, 2_000_000, null, "reading layers 1/3 · 2.00 MB")]
    [InlineData(3, 3, 2_500_000, null, "read 3 layers (2.50 MB); merging files and reading facts…")]
    [InlineData(0, 0, 2_000_000, null, "reading layers · 2.00 MB")]
    public void The_progress_line_says_layers_and_bytes(int done, int count, long read, long? total, string text) =>
        Assert.Equal(text, Stagecraft.Cli.Reporting.ImageReadProgressLine.Text(new Stagecraft.Images.ImageReadProgress(done, count, read, total)));

    [Fact]
    public void A_missing_archive_exits_2_naming_it()
    {
        var missing = Path.Combine(_temp.FullPath, "nope.tar");

        var result = CliRun.Run("inspect", "docker-archive:" + missing);

        AssertInputError(result, $"stagecraft: {missing}: no such file or folder\n");
    }

    [Fact]
    public void An_unreadable_reference_exits_2_naming_it()
    {
        AssertInputError(CliRun.Run("inspect", "dir:/tmp/x"),
            "stagecraft: dir:/tmp/x: the dir: transport is not supported (use docker-archive:, oci:, oci-archive:, docker-daemon: or docker://)\n");
        AssertInputError(CliRun.Run("inspect", "Alpine:3"), "stagecraft: Alpine:3: repository names must be lowercase\n");
    }

    [Fact]
    public void A_file_named_without_a_transport_gets_the_prefix_to_write()
    {
        var (_, folder, _) = Sample();
        var archive = _temp.Write("app.tar", "not really");

        AssertInputError(CliRun.Run("inspect", folder), $"stagecraft: {folder}: is a folder; write oci:{folder} to read it as an OCI image layout\n");
        AssertInputError(CliRun.Run("inspect", archive),
            $"stagecraft: {archive}: is a file; write docker-archive:{archive} for `docker save` output, or oci-archive:{archive} for an OCI layout packed in a tar\n");
    }

    [Fact]
    public void A_bad_platform_is_a_usage_error_naming_it()
    {
        var (reference, _, _) = Sample();

        var result = CliRun.Run("inspect", reference, "--platform", "linux");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: --platform linux: a platform is written os/arch[/variant], for example linux/amd64 or linux/arm/v7\n" +
            "Run 'stagecraft inspect --help' for usage.\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_platform_the_image_lacks_exits_2_with_the_platforms_it_has()
    {
        var (reference, folder, _) = Sample();

        var result = CliRun.Run("inspect", reference, "--platform", "linux/arm64");

        AssertInputError(result, $"stagecraft: {folder}: index.json: has no linux/arm64 image (it has linux/amd64)\n");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Top_below_one_is_a_usage_error(string top)
    {
        var (reference, _, _) = Sample();

        var result = CliRun.Run("inspect", reference, "--top", top);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"stagecraft: --top must be at least 1 (got {top})\n", result.Error);
    }

    [Fact]
    public void A_missing_Dockerfile_exits_2_before_the_image_is_read()
    {
        var missing = Path.Combine(_temp.FullPath, "Dockerfile.nope");

        var result = CliRun.Run("inspect", "docker-archive:" + Path.Combine(_temp.FullPath, "also-missing.tar"), "--dockerfile", missing);

        AssertInputError(result, $"stagecraft: {missing}: no such file\n");
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = CliRun.Run("inspect", "oci:x", "--format", "sarif");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("stagecraft: --format: unknown value 'sarif'; expected tty or json\n", result.Error);
    }

    [Fact]
    public void Help_lists_every_option_and_the_exit_codes()
    {
        var result = CliRun.Run("inspect", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in (string[])["--format", "--platform", "--dockerfile", "--top", "--insecure", "--output"])
            Assert.Contains(option, result.OutputText);
        Assert.Contains("Exit codes: 0 inspected, 2 usage error", result.OutputText);
        Assert.Contains("docker-archive:PATH", result.OutputText);
    }

    private static void AssertInputError(CliResult result, string error)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.Error);
        Assert.Empty(result.Output);
    }
}
