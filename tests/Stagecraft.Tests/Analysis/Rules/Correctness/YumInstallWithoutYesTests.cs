using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class YumInstallWithoutYesTests
{
    private static readonly YumInstallWithoutYes Rule = new();

    [Fact]
    public void Names_the_subcommand_and_adds_yes_after_it()
    {
        var text = "FROM centos:7\nRUN [|yum --enablerepo epel install httpd|] && yum clean all\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`yum install` without -y stops to ask for confirmation, which fails the build: use `yum install -y`", finding.Message);
        Assert.Equal(["DL3030"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding);
        Assert.Equal("FROM centos:7\nRUN yum --enablerepo epel install -y httpd && yum clean all\n", fixedText);
    }

    [Fact]
    public void Group_install_is_named_as_two_words()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM centos:7\nRUN yum group install \"Development Tools\"\n"));
        Assert.Equal("`yum group install` without -y stops to ask for confirmation, which fails the build: use `yum group install -y`", finding.Message);
    }
}
