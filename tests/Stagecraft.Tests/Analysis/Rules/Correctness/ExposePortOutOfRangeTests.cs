using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ExposePortOutOfRangeTests
{
    private static readonly ExposePortOutOfRange Rule = new();

    [Fact]
    public void Message_names_the_number_and_the_value_after_expansion()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine:3.20\nARG LAST=70000\nEXPOSE [|8000-${LAST}/tcp|]\n"));
        Assert.Equal("port 70000 in `EXPOSE 8000-70000/tcp` is above 65535, the highest TCP/UDP port", finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(["DL3011"], finding.Aliases);
    }

    [Fact]
    public void The_highest_port_is_fine() => RuleAssert.Quiet(Rule, "FROM alpine:3.20\nEXPOSE 65535 65535/udp 1-65535\n");
}
