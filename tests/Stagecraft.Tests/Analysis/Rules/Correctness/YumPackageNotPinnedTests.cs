using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class YumPackageNotPinnedTests
{
    private static readonly YumPackageNotPinned Rule = new();

    [Fact]
    public void Names_the_unpinned_packages_only()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM centos:7\nRUN yum install -y httpd php-5.4.16 epel-release\n"));
        Assert.Equal("`yum install` takes `httpd` and `epel-release` at whatever version is current: pin as name-version (`httpd-1.2.3`) for repeatable builds", finding.Message);
        Assert.Equal(["DL3033"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void Long_lists_are_shortened()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM centos:7\nRUN yum install -y a b c d e f\n"));
        Assert.StartsWith("`yum install` takes `a`, `b`, `c` and 3 more at whatever version", finding.Message);
    }

    [Fact]
    public void An_arg_with_a_default_is_filled_in()
    {
        RuleAssert.Quiet(Rule, "FROM centos:7\nARG V=2.4.6\nRUN yum install -y httpd-$V\n");
        Assert.Single(RuleAssert.Lint(Rule, "FROM centos:7\nARG P=httpd\nRUN yum install -y \"$P\"\n"));
    }
}
