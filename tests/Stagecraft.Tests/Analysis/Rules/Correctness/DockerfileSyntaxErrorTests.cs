using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class DockerfileSyntaxErrorTests
{
    private static readonly DockerfileSyntaxError Rule = new();

    [Fact]
    public void Errors_hadolint_also_checks_carry_their_code_and_others_none()
    {
        var findings = RuleAssert.Lint(Rule, "FROM alpine:3.20 AS a\nCOPY --from=a /x /x\nCOPY --from=9 /y /y\nRUN echo \\\n\n  hi\n");
        Assert.Collection(findings,
            f => Assert.Equal(["DL3023"], f.Aliases),
            f => Assert.Empty(f.Aliases),
            f => Assert.Equal(["NoEmptyContinuation"], f.Aliases));
    }

    [Fact]
    public void Hadolint_codes_ride_only_on_their_own_errors()
    {
        var findings = RuleAssert.Lint(Rule, "LABEL a=b\nFROM alpine:3.20\nONBUILD FROM alpine\nFOO bar\n");
        Assert.Collection(findings,
            f => Assert.Equal(["DL3061"], f.Aliases),
            f => Assert.Equal(["DL3043"], f.Aliases),
            f => Assert.Empty(f.Aliases));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void Ignoring_a_hadolint_code_drops_only_its_findings()
    {
        var configuration = LintConfiguration.Default with { Ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "DL3061" } };
        var finding = Assert.Single(RuleAssert.Lint(Rule, "LABEL a=b\nFROM alpine:3.20\nONBUILD MAINTAINER x\n", configuration: configuration));
        Assert.Equal(["DL3043"], finding.Aliases);
    }
}
