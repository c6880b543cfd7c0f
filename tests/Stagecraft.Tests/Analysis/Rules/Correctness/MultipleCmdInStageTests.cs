using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class MultipleCmdInStageTests
{
    private static readonly MultipleCmdInStage Rule = new();

    [Fact]
    public void Reports_the_winning_cmd_and_removes_the_earlier_one()
    {
        var text = "FROM nginx:1.27\nCMD [\"nginx\", \"-t\"]\n[|CMD [\"nginx\", \"-g\", \"daemon off;\"]|]\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("the CMD on line 2 has no effect: an image keeps only the last CMD, this one", finding.Message);
        Assert.Equal(["DL4003"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("FROM nginx:1.27\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n", FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding));
    }
}
