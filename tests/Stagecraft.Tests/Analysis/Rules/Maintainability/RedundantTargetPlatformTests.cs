using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class RedundantTargetPlatformTests
{
    [Fact]
    public void Removes_the_flag()
    {
        var rule = new RedundantTargetPlatform();
        const string text = "FROM --platform=${TARGETPLATFORM}  alpine:3.20 AS runtime\n";
        var finding = Assert.Single(RuleAssert.Lint(rule, text));
        Assert.Equal("`--platform=${TARGETPLATFORM}` is what FROM uses anyway: remove it", finding.Message);
        Assert.Equal("FROM alpine:3.20 AS runtime\n", FixApplierForTests.ApplyAndRecheck(rule, text, finding));
    }
}
