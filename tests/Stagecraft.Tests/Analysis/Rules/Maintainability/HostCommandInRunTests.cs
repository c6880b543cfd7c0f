using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class HostCommandInRunTests
{
    private static readonly HostCommandInRun Rule = new();

    [Fact]
    public void Each_command_is_named_with_its_reason_at_info()
    {
        var findings = RuleAssert.Marked(Rule, "FROM debian:12-slim\nRUN [|service|] postgresql start && sudo [|mount|] -t tmpfs none /mnt\n");
        Assert.Equal("`service` starts or stops system services, which end with the build step and are not running when a container starts", findings[0].Message);
        Assert.Equal("`mount` changes mounts, which need privileges a build does not have and do not persist into the image", findings[1].Message);
        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.All(findings, f => Assert.Equal(["DL3001"], f.Aliases));
        Assert.All(findings, f => Assert.Null(f.Fix));
    }

    [Fact]
    public void Ssh_is_expected_with_an_ssh_mount_only()
    {
        RuleAssert.Quiet(Rule, "FROM alpine:3.20\nRUN --mount=type=ssh,id=github ssh -T git@github.com\n");
        RuleAssert.Marked(Rule, "FROM alpine:3.20\nRUN --mount=type=secret,id=key [|ssh|] -T git@github.com\n");
    }
}
