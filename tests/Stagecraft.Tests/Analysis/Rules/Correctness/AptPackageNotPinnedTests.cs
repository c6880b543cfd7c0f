using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class AptPackageNotPinnedTests
{
    private static readonly AptPackageNotPinned Rule = new();

    [Fact]
    public void Message_lists_the_unpinned_packages()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM debian:12-slim\nRUN apt-get install -y [|curl git=1:2.39 make gcc jq|]\n"));
        Assert.Equal("`apt-get install` takes `curl`, `make`, `gcc` and 1 more at whatever version the archive has that day: pin versions (`curl=<version>`)", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3008"], finding.Aliases);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void A_variable_holding_a_list_is_named_by_its_unpinned_package()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM debian:12-slim\nARG DEPS=\"curl=8.5.0 wget\"\nRUN apt-get install -y [|$DEPS|]\n"));
        Assert.StartsWith("`apt-get install` takes `wget` at", finding.Message);
    }

    [Fact]
    public void Hadolint_ignores_by_code_keep_working()
    {
        RuleAssert.Quiet(Rule, "FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n");
        RuleAssert.Quiet(Rule, "FROM debian:12-slim\nRUN apt-get install -y curl\n",
            configuration: new LintConfiguration { Ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "DL3008" } });
    }
}
