using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class CommandNotInExecFormTests
{
    private static readonly CommandNotInExecForm Rule = new();

    [Theory]
    [InlineData("CMD node server.js --port 8080\n", "CMD [\"node\", \"server.js\", \"--port\", \"8080\"]\n")]
    [InlineData("ENTRYPOINT /usr/local/bin/app\n", "ENTRYPOINT [\"/usr/local/bin/app\"]\n")]
    [InlineData("HEALTHCHECK --interval=5s CMD wget -q --spider http://localhost/\n", "HEALTHCHECK --interval=5s CMD [\"wget\", \"-q\", \"--spider\", \"http://localhost/\"]\n")]
    public void Fix_writes_plain_words_as_a_json_array(string line, string expected)
    {
        var text = "FROM node:20-slim\n" + line;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3025"], finding.Aliases);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal("FROM node:20-slim\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Theory]
    [InlineData("CMD node server.js > /var/log/app.log\n")]
    [InlineData("CMD java $JAVA_OPTS -jar app.jar\n")]
    [InlineData("HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")]
    [InlineData("CMD [ -f /app/ready ] && serve\n")]
    [InlineData("CMD echo 'hello world'\n")]
    public void Shell_features_get_no_fix(string line) =>
        Assert.Null(Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\n" + line)).Fix);

    [Fact]
    public void Message_names_the_shell_that_runs_it()
    {
        var findings = RuleAssert.Lint(Rule, "FROM alpine:3.20\nENTRYPOINT app\nSHELL [\"/bin/bash\", \"-c\"]\nCMD serve\n");
        Assert.Equal("ENTRYPOINT in shell form runs under `/bin/sh -c`: the program does not get SIGTERM on `docker stop`, and CMD and `docker run` arguments are ignored; write it as a JSON array", findings[0].Message);
        Assert.Equal("CMD in shell form runs under `/bin/bash -c`, so the program does not get SIGTERM on `docker stop`: write it as a JSON array", findings[1].Message);
        var windows = Assert.Single(RuleAssert.Lint(Rule, "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD app.exe\n"));
        Assert.Contains("`cmd /S /C`", windows.Message);
        Assert.Null(windows.Fix);
    }
}
