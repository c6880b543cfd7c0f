using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class DnfInstallWithoutYesTests
{
    private static readonly DnfInstallWithoutYes Rule = new();

    [Fact]
    public void Module_install_gets_yes_after_install()
    {
        var text = "FROM fedora:40\nRUN [|dnf module install nodejs:20|]\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`dnf module install` without -y stops to ask for confirmation, which fails the build: use `dnf module install -y`", finding.Message);
        Assert.Equal(["DL3038"], finding.Aliases);
        Assert.Equal("FROM fedora:40\nRUN dnf module install -y nodejs:20\n", FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding));
    }

    [Fact]
    public void Microdnf_never_asks() => RuleAssert.Quiet(Rule, "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install jq\n");
}
