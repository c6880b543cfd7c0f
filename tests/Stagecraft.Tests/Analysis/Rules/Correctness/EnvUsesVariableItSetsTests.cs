using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class EnvUsesVariableItSetsTests
{
    private static readonly EnvUsesVariableItSets Rule = new();

    [Fact]
    public void Points_at_the_reference_and_explains_the_old_value()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine:3.20\nENV APP_HOME=/app APP_CACHE=[|${APP_HOME}|]/cache\n"));
        Assert.Equal("`APP_HOME` is set by this same ENV, but here it still has its value from before the ENV (empty unless the base image sets it): set `APP_HOME` in an earlier ENV", finding.Message);
        Assert.Equal(["DL3044"], finding.Aliases);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void A_value_continued_over_lines_is_reported_whole()
    {
        var text = "FROM alpine:3.20\nENV A=1 \\\n    B=\"x $A\"\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(3, finding.Line);
    }
}
