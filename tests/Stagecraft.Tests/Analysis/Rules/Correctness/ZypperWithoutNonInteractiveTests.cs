using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ZypperWithoutNonInteractiveTests
{
    private static readonly ZypperWithoutNonInteractive Rule = new();

    [Fact]
    public void Adds_the_global_non_interactive_option()
    {
        var text = "FROM opensuse/leap:15.6\nRUN [|sudo zypper install curl|]\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`zypper install` without -n stops to ask for confirmation, which fails the build: use `zypper -n install`", finding.Message);
        Assert.Equal(["DL3034"], finding.Aliases);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM opensuse/leap:15.6\nRUN sudo zypper -n install curl\n", FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding));
    }
}
