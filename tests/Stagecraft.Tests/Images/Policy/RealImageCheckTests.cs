using System.Globalization;
using System.Text.Json;
using Stagecraft.Images.Diff;
using Stagecraft.Images.Inspection;
using Stagecraft.Tests.Cli;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Policy;

/// <summary>
/// The proof on real images built by Docker (scripts/test.sh; skipped without them): the single-stage gcc image fails a
/// 150 MB budget and the gcc ban, naming gcc and where it lives; its multi-stage rewrite passes both; and diff reports
/// gcc removed and a size change within 1 % of what <c>docker image inspect</c> says.
/// </summary>
public sealed class RealImageCheckTests(ITestOutputHelper output)
{
    private static JsonElement Check(RealImage image, out int exitCode)
    {
        var result = CliRun.Run("check", "docker-archive:" + image.DockerArchive, "--max-size", "150MB", "--forbid-tools", "gcc", "--format", "json");
        exitCode = result.ExitCode;
        Assert.True(result.Error.Length == 0, result.Error);
        using var json = JsonDocument.Parse(result.OutputText);
        return json.RootElement.Clone();
    }

    private static JsonElement Rule(JsonElement report, string rule) =>
        report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule);

    [Fact]
    public void Gcc_single_fails_the_150_MB_budget_and_the_gcc_ban_naming_gcc_and_its_path()
    {
        var image = RealImages.Require(RealImages.GccSingle);

        var report = Check(image, out var exitCode);

        Assert.Equal(1, exitCode);
        var size = Rule(report, "max-size");
        Assert.False(size.GetProperty("passed").GetBoolean());
        Assert.True(size.GetProperty("measured").GetInt64() > 150_000_000);
        var tools = Rule(report, "forbid-tools");
        Assert.False(tools.GetProperty("passed").GetBoolean());
        var gcc = tools.GetProperty("violations").EnumerateArray().First();
        Assert.Equal("gcc", gcc.GetProperty("what").GetString());
        Assert.StartsWith("/usr/bin/gcc -> /usr/bin/", gcc.GetProperty("where").GetString());
        Assert.StartsWith("gcc-", gcc.GetProperty("package").GetString());
        output.WriteLine($"gcc-single: size {size.GetProperty("measured").GetInt64()} bytes; gcc at {gcc.GetProperty("where").GetString()} ({gcc.GetProperty("package").GetString()})");
    }

    [Fact]
    public void Multi_stage_passes_both()
    {
        var image = RealImages.Require(RealImages.MultiStage);

        var report = Check(image, out var exitCode);

        Assert.Equal(0, exitCode);
        Assert.True(Rule(report, "max-size").GetProperty("passed").GetBoolean());
        Assert.True(Rule(report, "forbid-tools").GetProperty("passed").GetBoolean());
        output.WriteLine($"multi-stage: size {Rule(report, "max-size").GetProperty("measured").GetInt64()} bytes");
    }

    [Fact]
    public void Diff_reports_gcc_removed_and_a_size_change_within_1_percent_of_dockerʼs()
    {
        var single = RealImages.Require(RealImages.GccSingle);
        var multi = RealImages.Require(RealImages.MultiStage);

        var diff = ImageComparer.Compare(ImageInspector.Inspect("docker-archive:" + single.DockerArchive), ImageInspector.Inspect("docker-archive:" + multi.DockerArchive));

        Assert.Contains(diff.Packages, p => p is { Manager: "dpkg", Name: "gcc", Change: ChangeKind.Removed });
        Assert.Contains(diff.Facts, f => f is { Category: "build-tool", Name: "gcc", Change: ChangeKind.Removed });
        var dockerBefore = DockerSize(single);
        var dockerAfter = DockerSize(multi);
        var dockerChange = dockerAfter - dockerBefore;
        var relative = Math.Abs((double)(diff.TotalSize.Change - dockerChange) / dockerChange);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stagecraft: {diff.TotalSize.Before} -> {diff.TotalSize.After} ({diff.TotalSize.Change}); docker image inspect Size: {dockerBefore} -> {dockerAfter} ({dockerChange}); difference {relative:P4}; compressed {diff.CompressedSize.Change}"));
        Assert.True(relative < 0.01, $"stagecraft {diff.TotalSize.Change} vs docker {dockerChange}");
    }

    private static long DockerSize(RealImage image)
    {
        using var json = JsonDocument.Parse(image.InspectJson);
        return json.RootElement[0].GetProperty("Size").GetInt64();
    }
}
