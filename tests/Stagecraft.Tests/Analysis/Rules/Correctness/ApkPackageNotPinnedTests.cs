using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ApkPackageNotPinnedTests
{
    private static readonly ApkPackageNotPinned Rule = new();

    [Fact]
    public void Message_offers_exact_and_tilde_pins()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps [|curl|]\n"));
        Assert.Equal("`apk add` takes `curl` at whatever version the branch has that day: pin versions (`curl=<version>` or `~<major.minor>`)", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3018"], finding.Aliases);
    }

    [Fact]
    public void Values_of_repository_options_are_not_packages()
    {
        RuleAssert.Quiet(Rule, "FROM alpine:3.20\nRUN apk add --repository https://example.com/main -X https://example.com/community -t .virtual -p /root curl=8.9.1-r0\n");
    }
}
