using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class ConstantFromPlatformTests
{
    [Fact]
    public void Suggests_a_stage_name_with_the_architecture()
    {
        var finding = Assert.Single(RuleAssert.Lint(new ConstantFromPlatform(), "FROM --platform=linux/amd64 alpine:3.20 AS base\n"));
        Assert.Equal("`--platform=linux/amd64` builds this stage for one platform whatever `docker build --platform` asks: drop it, use `$BUILDPLATFORM` for build tools, or name the stage after its platform (`AS …-amd64`)",
            finding.Message);
    }

    [Theory]
    [InlineData("linux/amd64", "linux", "amd64", null)]
    [InlineData("linux/x86_64", "linux", "amd64", null)]
    [InlineData("linux/aarch64", "linux", "arm64", null)]
    [InlineData("linux/arm/v7", "linux", "arm", "v7")]
    [InlineData("windows", "windows", "amd64", null)]
    [InlineData("arm64", "linux", "arm64", null)]
    public void Platforms_are_normalized(string text, string os, string architecture, string? variant)
    {
        Assert.Equal(new PlatformSpecifier(os, architecture, variant), PlatformSpecifier.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("linux/")]
    [InlineData("bogus")]
    [InlineData("a/b/c/d")]
    public void Invalid_platforms_are_not_read(string text) => Assert.Null(PlatformSpecifier.Parse(text));
}
