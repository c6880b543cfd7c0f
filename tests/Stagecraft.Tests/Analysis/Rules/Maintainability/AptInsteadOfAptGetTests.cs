using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class AptInsteadOfAptGetTests
{
    private static readonly AptInsteadOfAptGet Rule = new();

    [Theory]
    [InlineData("RUN apt install -y curl\n", "RUN apt-get install -y curl\n", FixSafety.Safe)]
    [InlineData("RUN sudo apt -y update\n", "RUN sudo apt-get -y update\n", FixSafety.Safe)]
    [InlineData("RUN apt upgrade -y\n", "RUN apt-get upgrade -y\n", FixSafety.Unsafe)]
    [InlineData("RUN apt full-upgrade -y\n", "RUN apt-get dist-upgrade -y\n", FixSafety.Unsafe)]
    [InlineData("RUN apt show curl\n", "RUN apt-cache show curl\n", FixSafety.Unsafe)]
    public void Fix_names_the_stable_tool(string run, string expected, FixSafety safety)
    {
        var text = "FROM debian:12-slim\n" + run;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("`apt` is the interactive front end and its command line is not stable for scripts: use `apt-get` (or `apt-cache` for queries)", finding.Message);
        Assert.Equal(["DL3027"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(safety, finding.Fix!.Safety);
        Assert.Equal("FROM debian:12-slim\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void Apt_only_subcommands_get_no_fix() =>
        Assert.Null(Assert.Single(RuleAssert.Lint(Rule, "FROM debian:12-slim\nRUN apt list --installed\n")).Fix);
}
