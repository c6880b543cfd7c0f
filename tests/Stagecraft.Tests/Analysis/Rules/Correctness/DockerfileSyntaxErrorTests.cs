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
}
