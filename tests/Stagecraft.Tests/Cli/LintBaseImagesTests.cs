using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary><c>lint --platform</c> and <c>--base-images</c>: InvalidBaseImagePlatform (STG120) with real image metadata.</summary>
public sealed class LintBaseImagesTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private CliResult Lint(params string[] args) => CliRun.InFolder(_temp.FullPath, ["lint", "--format", "gnu", "--failure-threshold", "warning", .. args]);

    [Fact]
    public void A_platform_that_cannot_be_read_is_a_usage_error()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\n");

        var result = Lint("--platform", "linux");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: --platform linux: expected os/arch or os/arch/variant, such as linux/arm64\n", result.Error);
    }

    [Fact]
    public void An_unknown_base_image_source_is_a_usage_error()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\n");

        var result = Lint("--base-images", "everywhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("everywhere", result.Error);
        Assert.Equal("", result.OutputText);
    }

    [Fact]
    public void Without_base_images_the_check_stays_quiet()
    {
        _temp.Write("Dockerfile", "FROM stagecraft-test/gcc-single:1\n");

        var result = Lint("--platform", "linux/arm64", "--ignore", "STG005", "--ignore", "STG011");

        Assert.DoesNotContain("STG120", result.OutputText);
    }

    [Theory]
    [InlineData("daemon")]
    [InlineData("auto")]
    public void The_engines_amd64_image_under_an_arm64_build_is_reported(string source)
    {
        RealImages.RequireDaemon();
        var image = RealImages.Require(RealImages.GccSingle);
        _temp.Write("Dockerfile", $"FROM {image.DaemonName}\n");

        var arm = Lint("--platform", "linux/arm64", "--base-images", source);
        var amd = Lint("--platform", "linux/amd64", "--base-images", source);

        Assert.Contains($"Dockerfile:1:6 STG120 warning: `{image.DaemonName}` is a linux/amd64 image (the local Docker engine's image), but this stage is built for linux/arm64", arm.OutputText);
        Assert.Equal(1, arm.ExitCode);
        Assert.DoesNotContain("STG120", amd.OutputText);
    }

    [Fact]
    public void The_registrys_single_platform_image_is_reported_without_downloading_layers()
    {
        var registry = RealImages.RequireRegistry();
        var name = RealImages.Require(RealImages.MultiStage).RegistryName(registry);
        _temp.Write("Dockerfile", $"FROM --platform=linux/s390x {name} AS build\nFROM {name}\n");

        var result = Lint("--base-images", "registry", "--platform", "linux/amd64");

        var finding = Assert.Single(result.OutputText.Split('\n'), line => line.Contains("STG120"));
        Assert.StartsWith($"Dockerfile:1:29 STG120 warning: `{name}` is a linux/amd64 image (registry {registry}), but this stage is built for linux/s390x", finding);
    }

    [Fact]
    public void An_unreachable_source_is_a_note_not_a_failure()
    {
        _temp.Write("Dockerfile", "FROM 127.0.0.1:9/nobody/nothing:1\n");

        var result = CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath }, "lint", "--format", "gnu", "--base-images", "registry", "--failure-threshold", "error");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("stagecraft: note: base image 127.0.0.1:9/nobody/nothing:1 not looked up: ", result.Error);
    }
}
