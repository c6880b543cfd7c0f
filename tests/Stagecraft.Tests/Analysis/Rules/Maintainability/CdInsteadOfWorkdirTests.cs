using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class CdInsteadOfWorkdirTests
{
    private static readonly CdInsteadOfWorkdir Rule = new();

    [Fact]
    public void Message_names_the_directory_as_an_absolute_workdir()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM golang:1.22\nWORKDIR /src\nRUN [|cd cmd/api|] && go build .\n"));
        Assert.Equal("`cd cmd/api` lasts only until the end of this RUN: set `WORKDIR /src/cmd/api` before it so every later step runs there", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3003"], finding.Aliases);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("RUN cd /app && npm ci\n", "WORKDIR /app\nRUN npm ci\n")]
    [InlineData("RUN cd /app; npm ci\n", "WORKDIR /app\nRUN npm ci\n")]
    [InlineData("RUN cd /app \\\n    && npm ci\n", "WORKDIR /app\nRUN npm ci\n")]
    public void Fix_moves_a_leading_cd_into_a_workdir(string run, string expected)
    {
        var text = "FROM node:20-slim\n" + run;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal("Set `WORKDIR /app` before the RUN", finding.Fix.Title);
        Assert.Equal("FROM node:20-slim\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Theory]
    [InlineData("FROM node:20-slim\nRUN npm ci && cd /app && npm test\n")]
    [InlineData("FROM node:20-slim\nRUN cd $APP && npm ci\n")]
    [InlineData("FROM node:20-slim\nRUN <<EOF\ncd /app\nnpm ci\nEOF\n")]
    [InlineData("FROM node:20-slim\nONBUILD RUN cd /app && npm ci\n")]
    public void No_fix_unless_a_literal_cd_leads_a_shell_form_run(string text) =>
        Assert.Null(Assert.Single(RuleAssert.Lint(Rule, text)).Fix);
}
