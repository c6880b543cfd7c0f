using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ZypperPackageNotPinnedTests
{
    private static readonly ZypperPackageNotPinned Rule = new();

    [Fact]
    public void Names_the_unpinned_packages_with_the_relation_syntax()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM opensuse/leap:15.6\nRUN zypper -n in 'vim>=9.0' nano less\n"));
        Assert.Equal("`zypper in` takes `nano` and `less` at whatever version is current: pin as name=version (`nano=1.2.3`) for repeatable builds", finding.Message);
        Assert.Equal(["DL3037"], finding.Aliases);
    }

    [Fact]
    public void A_package_type_still_counts()
    {
        Assert.Single(RuleAssert.Lint(Rule, "FROM opensuse/leap:15.6\nRUN zypper -n install -t package curl\n"));
    }
}
