using Stagecraft.Images.Sources;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>Platforms parse as os/arch[/variant] and compare the way registries spell them.</summary>
public sealed class ImagePlatformTests
{
    [Theory]
    [InlineData("linux/amd64", "linux/amd64")]
    [InlineData("linux/x86_64", "linux/amd64")]
    [InlineData("linux/aarch64", "linux/arm64")]
    [InlineData("linux/arm64/v8", "linux/arm64")]
    [InlineData("linux/arm", "linux/arm/v7")]
    [InlineData("Linux/ARM/V6", "linux/arm/v6")]
    [InlineData("windows/amd64", "windows/amd64")]
    public void Platforms_are_normalised(string text, string expected) => Assert.Equal(expected, ImagePlatform.Parse(text).ToString());

    [Theory]
    [InlineData("linux")]
    [InlineData("linux/")]
    [InlineData("linux/arm/v7/extra")]
    [InlineData("linux/amd 64")]
    public void Malformed_platforms_are_refused(string text)
    {
        var error = Assert.Throws<ImageReferenceException>(() => ImagePlatform.Parse(text));
        Assert.Equal($"{text}: a platform is written os/arch[/variant], for example linux/amd64 or linux/arm/v7", error.Message);
    }

    [Fact]
    public void A_wanted_platform_without_a_variant_accepts_any_variant()
    {
        Assert.True(new ImagePlatform("linux", "arm64", "v8").Satisfies(ImagePlatform.Parse("linux/arm64")));
        Assert.True(new ImagePlatform("linux", "arm", "v7").Satisfies(new ImagePlatform("linux", "arm")));
        Assert.False(new ImagePlatform("linux", "arm", "v6").Satisfies(ImagePlatform.Parse("linux/arm/v7")));
        Assert.False(new ImagePlatform("linux", "amd64").Satisfies(ImagePlatform.Parse("windows/amd64")));
    }

    [Fact]
    public void The_host_platform_is_linux_on_this_machineʼs_cpu()
    {
        Assert.Equal(OperatingSystem.IsWindows() ? "windows" : "linux", ImagePlatform.Host.Os);
        Assert.Contains(ImagePlatform.Host.Architecture, (string[])["amd64", "arm64", "arm", "386", "s390x", "ppc64le", "riscv64", "loong64"]);
    }
}
