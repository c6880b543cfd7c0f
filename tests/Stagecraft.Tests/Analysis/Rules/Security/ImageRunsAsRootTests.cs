using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Security;

namespace Stagecraft.Tests.Analysis.Rules.Security;

public class ImageRunsAsRootTests
{
    private static readonly ImageRunsAsRoot Rule = new();

    [Fact]
    public void Explicit_root_is_a_warning_with_the_hadolint_alias_and_an_unsafe_fix()
    {
        const string text = "FROM node:20-slim\nUSER root\nCMD [\"node\", \"server.js\"]";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3002"], finding.Aliases);
        Assert.Equal("the last USER is `root`, so the container runs as root: switch to an unprivileged user after the steps that need root", finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal(text + "\nUSER 65534:65534\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void Missing_user_is_info_naming_the_command_and_the_base()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM python:3.12-slim\nENTRYPOINT [\"gunicorn\"]\nCMD [\"app:app\"]\n"));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Empty(finding.Aliases);
        Assert.Equal("no USER is set in the final stage or the stages it is built on, so `gunicorn app:app` runs as root unless `python:3.12-slim` sets a user: add an unprivileged USER", finding.Message);
    }

    [Fact]
    public void Scratch_without_user_is_a_warning_and_numeric_root_counts_as_root()
    {
        var scratch = Assert.Single(RuleAssert.Lint(Rule, "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n"));
        Assert.Equal(Severity.Warning, scratch.Severity);
        Assert.Empty(scratch.Aliases);
        RuleAssert.Marked(Rule, "FROM alpine:3.20\nUSER [|0:0|]\nCMD [\"/app\"]\n");
    }
}
