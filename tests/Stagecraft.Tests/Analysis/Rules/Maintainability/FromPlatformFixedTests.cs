using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class FromPlatformFixedTests
{
    private static readonly FromPlatformFixed Rule = new();

    [Fact]
    public void Message_names_the_platform_the_stage_is_pinned_to()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "ARG P=linux/arm64\nFROM --platform=[|$P|] alpine:3.20\n"));
        Assert.Equal("`--platform=$P` pins this stage to linux/arm64, whatever platform the build is for: use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or leave it out", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3029"], finding.Aliases);
    }
}
