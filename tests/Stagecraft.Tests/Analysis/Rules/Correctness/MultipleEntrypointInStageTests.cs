using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class MultipleEntrypointInStageTests
{
    private static readonly MultipleEntrypointInStage Rule = new();

    [Fact]
    public void Reports_at_error_and_removes_the_earlier_one()
    {
        var text = "FROM python:3.12-slim\nENTRYPOINT [\"/docker-entrypoint.sh\"]\n[|ENTRYPOINT [\"python\", \"app.py\"]|]\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("the ENTRYPOINT on line 2 has no effect: an image keeps only the last ENTRYPOINT, this one", finding.Message);
        Assert.Equal(["DL4004"], finding.Aliases);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("FROM python:3.12-slim\nENTRYPOINT [\"python\", \"app.py\"]\n", FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding));
    }
}
