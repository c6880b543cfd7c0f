using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class AptGetInstallWithoutYesTests
{
    private static readonly AptGetInstallWithoutYes Rule = new();

    [Theory]
    [InlineData("RUN apt-get install curl\n", "RUN apt-get install -y curl\n")]
    [InlineData("RUN sudo apt-get --no-install-recommends install git\n", "RUN sudo apt-get --no-install-recommends install -y git\n")]
    [InlineData("RUN <<EOF\napt-get -q install make\nEOF\n", "RUN <<EOF\napt-get -q install -y make\nEOF\n")]
    public void Fix_adds_yes_after_install(string run, string expected)
    {
        var text = "FROM debian:12-slim\n" + run;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("`apt-get install` without -y stops at its confirmation question, which a build cannot answer: add -y", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3014"], finding.Aliases);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM debian:12-slim\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void An_assume_yes_setting_counts_only_from_where_it_is_written()
    {
        RuleAssert.Marked(Rule, "FROM debian:12-slim\nRUN [|apt-get install|] curl\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install git\n");
    }
}
