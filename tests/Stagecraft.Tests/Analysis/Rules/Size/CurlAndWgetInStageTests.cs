using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class CurlAndWgetInStageTests
{
    [Fact]
    public void Names_both_tools_and_where_the_first_was_used()
    {
        var finding = Assert.Single(RuleAssert.Marked(new CurlAndWgetInStage(), "FROM debian:bookworm-slim\nRUN wget -q https://example.com/a\nRUN [|curl -fsSLO https://example.com/b|]\n"));
        Assert.Equal("this stage downloads with curl here and with wget on line 2: use one of them", finding.Message);
        Assert.Equal(["DL4001"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }
}
