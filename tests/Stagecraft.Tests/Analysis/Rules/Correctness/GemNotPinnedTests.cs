using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class GemNotPinnedTests
{
    private static readonly GemNotPinned Rule = new();

    [Fact]
    public void Message_shows_the_colon_form()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM ruby:3.3-slim\nRUN gem install -i /gems [|bundler|]\n"));
        Assert.Equal("`gem install` takes `bundler` at whatever version was released last: pin versions (`bundler:<version>`)", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3028"], finding.Aliases);
    }
}
