using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class WgetWithoutProgressOptionTests
{
    private static readonly WgetWithoutProgressOption Rule = new();

    [Fact]
    public void Adds_a_progress_option_safely_on_gnu_wget()
    {
        var text = "FROM debian:bookworm-slim\nRUN [|wget https://example.com/a.tgz|]\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`wget` prints a line of progress dots for every 50 KB into the build log: add `--progress=dot:giga` (or `-q`)", finding.Message);
        Assert.Equal(["DL3047"], finding.Aliases);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM debian:bookworm-slim\nRUN wget --progress=dot:giga https://example.com/a.tgz\n", FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding));
    }

    [Fact]
    public void Busybox_wget_is_left_alone_unless_gnu_wget_is_installed()
    {
        RuleAssert.Quiet(Rule, "FROM alpine:3.20\nRUN wget https://example.com/a.tgz\n");
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nRUN apk add --no-cache wget && wget https://example.com/a.tgz\n"));
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
    }
}
