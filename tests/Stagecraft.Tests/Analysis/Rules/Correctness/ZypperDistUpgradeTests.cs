using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ZypperDistUpgradeTests
{
    private static readonly ZypperDistUpgrade Rule = new();

    [Fact]
    public void Names_the_form_written()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM opensuse/leap:15.5\nRUN zypper -n dup\n"));
        Assert.Equal("`zypper dup` upgrades the whole distribution during the build, so the image drifts from its base: use a newer base image instead", finding.Message);
        Assert.Equal(["DL3035"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Null(finding.Fix);
    }
}
