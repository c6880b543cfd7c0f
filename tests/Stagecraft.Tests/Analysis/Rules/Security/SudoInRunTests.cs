using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Security;

namespace Stagecraft.Tests.Analysis.Rules.Security;

public class SudoInRunTests
{
    private static readonly SudoInRun Rule = new();

    [Fact]
    public void Each_sudo_call_is_an_error_without_a_fix()
    {
        var findings = RuleAssert.Marked(Rule, "FROM debian:12-slim\nRUN [|sudo|] apt-get update && [|/usr/bin/sudo|] -u app make\n");
        Assert.All(findings, f => Assert.Equal("`sudo` in a build step either adds nothing (as root) or needs a password or a sudoers entry left in the image: run the step under `USER root` instead", f.Message));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.All(findings, f => Assert.Equal(["DL3004"], f.Aliases));
        Assert.All(findings, f => Assert.Null(f.Fix));
    }
}
