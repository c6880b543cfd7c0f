using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ShellFormCommandTests
{
    private static readonly ShellFormCommand Rule = new();

    [Fact]
    public void Plain_words_get_an_unsafe_json_fix()
    {
        const string text = "FROM node:22-slim\nCMD node /app/server.js --port=8080\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("CMD in shell form runs under `/bin/sh -c`, which does not pass stop signals on to the command: write it as a JSON array (`CMD [\"node\", \"/app/server.js\", \"--port=8080\"]`), or choose a SHELL explicitly",
            finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal("FROM node:22-slim\nCMD [\"node\", \"/app/server.js\", \"--port=8080\"]\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void Shell_syntax_gets_no_fix()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nENTRYPOINT ./start.sh && tail -f /log\n"));
        Assert.Null(finding.Fix);
        Assert.Contains("(`ENTRYPOINT [\"…\"]`)", finding.Message);
    }

    [Fact]
    public void Invalid_json_is_named_as_such_with_the_windows_shell()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD [\"C:\\app\\run.exe\"]\n"));
        Assert.Equal("CMD looks like a JSON array but is not valid JSON (backslashes must be doubled, quotes must be double quotes), so it runs in shell form under `cmd /S /C`: fix the JSON",
            finding.Message);
        Assert.Null(finding.Fix);
    }
}
