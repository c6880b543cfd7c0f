using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Semantics;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public sealed class BaseImagePlatformMismatchTests
{
    private static readonly BaseImagePlatformMismatch Rule = new();

    [Fact]
    public void Message_names_both_platforms_and_where_the_metadata_came_from()
    {
        var lookup = new FixedBaseImages(new Dictionary<string, Platform> { ["myorg/base:1"] = new("linux", "arm64") });
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM [|myorg/base:1|]\n", settings: BuildSettings.Default with { BaseImages = lookup }));
        Assert.Equal(
            "`myorg/base:1` is a linux/arm64 image (the test's image list), but this stage is built for linux/amd64: the build would run it under emulation and label the result wrongly",
            finding.Message);
        Assert.Equal(["InvalidBaseImagePlatform"], finding.Aliases);
    }

    [Fact]
    public void Asks_for_the_platform_the_stage_is_built_for()
    {
        var lookup = new FixedBaseImages(new Dictionary<string, Platform>());
        var settings = BuildSettings.Default with { BaseImages = lookup, TargetPlatform = new Platform("linux", "arm64") };
        RuleAssert.Quiet(Rule, "FROM a:1\nFROM --platform=linux/s390x b:1\nFROM a:1 AS c\nFROM c\n", settings: settings);
        Assert.Equal(
            [("a:1", new Platform("linux", "arm64")), ("b:1", new Platform("linux", "s390x")), ("a:1", new Platform("linux", "arm64"))],
            lookup.Asked);
    }

    [Fact]
    public void The_build_target_platform_decides_when_the_stage_has_no_platform()
    {
        var lookup = new FixedBaseImages(new Dictionary<string, Platform> { ["myorg/base:1"] = new("linux", "arm64") });
        RuleAssert.Quiet(Rule, "FROM myorg/base:1\n", settings: BuildSettings.Default with { BaseImages = lookup, TargetPlatform = new Platform("linux", "arm64") });
    }
}
