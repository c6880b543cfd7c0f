using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class MaintainerInstructionTests
{
    private static readonly MaintainerInstruction Rule = new();

    [Fact]
    public void Reports_at_hadolints_severity_and_offers_the_label()
    {
        var text = "FROM alpine:3.20\n[|MAINTAINER Jane \"JD\" Doe $HOME|]\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("MAINTAINER is deprecated: set the `org.opencontainers.image.authors` label instead", finding.Message);
        Assert.Equal(["DL4000"], finding.Aliases);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding);
        Assert.Equal("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane \\\"JD\\\" Doe \\$HOME\"\n", fixedText);
    }

    [Fact]
    public void No_fix_for_a_continued_maintainer()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nMAINTAINER Jane \\\n  Doe\n"));
        Assert.Null(finding.Fix);
    }
}
