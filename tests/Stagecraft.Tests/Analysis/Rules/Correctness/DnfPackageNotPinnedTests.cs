using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class DnfPackageNotPinnedTests
{
    private static readonly DnfPackageNotPinned Rule = new();

    [Fact]
    public void Names_microdnf_as_written()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y jq\n"));
        Assert.Equal("`microdnf install` takes `jq` at whatever version is current: pin as name-version (`jq-1.2.3`) for repeatable builds", finding.Message);
        Assert.Equal(["DL3041"], finding.Aliases);
    }

    [Fact]
    public void A_module_needs_a_stream()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM fedora:40\nRUN dnf module install -y nodejs\n"));
        Assert.Contains("`nodejs`", finding.Message);
        RuleAssert.Quiet(Rule, "FROM fedora:40\nRUN dnf module install -y nodejs:20/common\n");
    }
}
