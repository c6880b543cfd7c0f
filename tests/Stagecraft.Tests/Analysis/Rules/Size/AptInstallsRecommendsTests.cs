using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class AptInstallsRecommendsTests
{
    private static readonly AptInstallsRecommends Rule = new();

    [Theory]
    [InlineData("RUN apt-get install -y git\n", "RUN apt-get install --no-install-recommends -y git\n")]
    [InlineData("RUN apt-get -y install git\n", "RUN apt-get -y install --no-install-recommends git\n")]
    public void Fix_adds_the_option_after_install_and_is_unsafe(string run, string expected)
    {
        var text = "FROM debian:12-slim\n" + run;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("`apt-get install` also installs every recommended package: add --no-install-recommends and name what the image needs", finding.Message);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(["DL3015"], finding.Aliases);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM debian:12-slim\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }
}
