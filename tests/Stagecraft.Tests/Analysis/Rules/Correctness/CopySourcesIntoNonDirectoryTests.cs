using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class CopySourcesIntoNonDirectoryTests
{
    private static readonly CopySourcesIntoNonDirectory Rule = new();

    [Theory]
    [InlineData("COPY a.txt b.txt /app\n", "COPY a.txt b.txt /app/\n")]
    [InlineData("COPY [\"a.txt\", \"b.txt\", \"/app\"]\n", "COPY [\"a.txt\", \"b.txt\", \"/app/\"]\n")]
    [InlineData("COPY --chown=1000 a b $DIR\n", "COPY --chown=1000 a b $DIR/\n")]
    public void Fix_appends_a_slash(string copy, string expected)
    {
        var text = "FROM alpine:3.20\nARG DIR=/srv\n" + copy;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(["DL3021"], finding.Aliases);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM alpine:3.20\nARG DIR=/srv\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void Message_counts_the_sources()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nCOPY a b c /etc/conf\n"));
        Assert.Equal("COPY of 3 sources to `/etc/conf`: end the destination with `/` so they always land inside a directory", finding.Message);
    }
}
