using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class ExposeProtocolNotLowercaseTests
{
    private static readonly ExposeProtocolNotLowercase Rule = new();

    [Fact]
    public void Lower_cases_the_protocol()
    {
        const string text = "FROM nginx:1.27\nEXPOSE 80/TcP 53/udp\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("protocol in `80/TcP` should be lower case: write `tcp`", finding.Message);
        Assert.Equal("FROM nginx:1.27\nEXPOSE 80/tcp 53/udp\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void A_port_from_a_variable_gets_no_fix()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM nginx:1.27\nARG P=80/TCP\nEXPOSE $P\n"));
        Assert.Null(finding.Fix);
    }
}
