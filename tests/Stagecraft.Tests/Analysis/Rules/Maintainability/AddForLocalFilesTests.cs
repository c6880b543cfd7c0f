using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class AddForLocalFilesTests
{
    private static readonly AddForLocalFiles Rule = new();

    [Theory]
    [InlineData("ADD --chown=app:app src/ /app/src/\n", "COPY --chown=app:app src/ /app/src/\n")]
    [InlineData("add app.py /app/\n", "copy app.py /app/\n")]
    [InlineData("ONBUILD ADD . /app\n", "ONBUILD COPY . /app\n")]
    public void Fix_turns_add_into_copy_keeping_the_flags(string line, string expected)
    {
        var text = "FROM python:3.12-slim\n" + line;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("ADD of local files also unpacks any tar archive among them: use COPY, which only copies", finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(["DL3020"], finding.Aliases);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM python:3.12-slim\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void One_remote_or_archive_source_keeps_add()
    {
        RuleAssert.Quiet(Rule, "FROM alpine:3.20\nADD app.py https://example.com/lib.py /app/\nADD conf/ base.tar.gz /etc/\n");
    }
}
