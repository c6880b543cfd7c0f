using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class PlatformFlagRepeatsTargetPlatformTests
{
    private static readonly PlatformFlagRepeatsTargetPlatform Rule = new();

    [Fact]
    public void Removes_the_flag()
    {
        var text = "FROM [|--platform=$TARGETPLATFORM|] alpine:3.20 AS base\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`--platform=$TARGETPLATFORM` is what FROM uses anyway: remove it", finding.Message);
        Assert.Equal(["DL3065"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("FROM alpine:3.20 AS base\n", FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding));
    }
}
