using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class CopyToRelativePathWithoutWorkdirTests
{
    private static readonly CopyToRelativePathWithoutWorkdir Rule = new();

    [Fact]
    public void Names_the_destination()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM node:20-slim\nCOPY package.json [|./|]\n"));
        Assert.Equal("`./` is relative to the base image's working directory, which this file never sets: add a WORKDIR before this COPY or use an absolute path", finding.Message);
        Assert.Equal(["DL3045"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Only_copies_before_the_first_workdir_count() =>
        RuleAssert.Marked(Rule, "FROM node:20\nCOPY a [|b|]\nWORKDIR /app\nCOPY c d\n");

    [Fact]
    public void An_add_is_named_as_such_and_carries_no_hadolint_code()
    {
        // Replacing ADD with COPY (STG214's fix) must not be what makes this finding appear.
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM node:20-slim\nadd app.tar.gz [|app|]\n"));
        Assert.EndsWith("add a WORKDIR before this ADD or use an absolute path", finding.Message);
        Assert.Empty(finding.Aliases);
    }
}
