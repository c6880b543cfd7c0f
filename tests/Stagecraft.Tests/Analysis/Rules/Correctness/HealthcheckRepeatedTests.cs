using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class HealthcheckRepeatedTests
{
    private static readonly HealthcheckRepeated Rule = new();

    [Fact]
    public void Each_later_healthcheck_points_at_the_first()
    {
        var findings = RuleAssert.Marked(Rule, "FROM nginx:1.27-alpine\nHEALTHCHECK NONE\n[|HEALTHCHECK CMD true|]\n[|HEALTHCHECK CMD false|]\n");
        Assert.All(findings, f => Assert.Equal("this stage already has a HEALTHCHECK on line 2, and only the last one takes effect: keep one", f.Message));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.All(findings, f => Assert.Equal(["DL3012"], f.Aliases));
    }
}
