using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ShellFormCommandTests
{
    private static readonly ShellFormCommand Rule = new();

    [Fact]
    public void Plain_words_get_a_safe_json_fix()
    {
        const string text = "FROM node:22-slim\nCMD node /app/server.js --port=8080\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("CMD in shell form runs under `/bin/sh -c`, which does not pass stop signals on to the command: write it as a JSON array (`CMD [\"node\", \"/app/server.js\", \"--port=8080\"]`), or choose a SHELL explicitly",
            finding.Message);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM node:22-slim\nCMD [\"node\", \"/app/server.js\", \"--port=8080\"]\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Theory]
    [InlineData("CMD node server.js --port 8080\n", "CMD [\"node\", \"server.js\", \"--port\", \"8080\"]\n")]
    [InlineData("ENTRYPOINT /usr/local/bin/app\n", "ENTRYPOINT [\"/usr/local/bin/app\"]\n")]
    [InlineData("ENTRYPOINT exec /usr/local/bin/app --serve\n", "ENTRYPOINT [\"/usr/local/bin/app\", \"--serve\"]\n")]
    [InlineData("HEALTHCHECK --interval=5s CMD wget -q --spider http://localhost/\n", "HEALTHCHECK --interval=5s CMD [\"wget\", \"-q\", \"--spider\", \"http://localhost/\"]\n")]
    public void Fix_writes_plain_words_as_a_json_array_without_exec(string line, string expected)
    {
        var text = "FROM node:20-slim\n" + line;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("FROM node:20-slim\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Theory]
    [InlineData("CMD node server.js > /var/log/app.log\n")]
    [InlineData("CMD java $JAVA_OPTS -jar app.jar\n")]
    [InlineData("HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")]
    [InlineData("CMD [ -f /app/ready ] && serve\n")]
    [InlineData("CMD echo 'hello world'\n")]
    [InlineData("ENTRYPOINT ./start.sh && tail -f /log\n")]
    [InlineData("ENTRYPOINT [ -n \"$PORT\" ] && exec serve\n")]
    public void Shell_features_get_no_fix(string line)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\n" + line));
        Assert.Null(finding.Fix);
        Assert.Contains("[\"…\"]`)", finding.Message);
    }

    [Fact]
    public void Invalid_json_is_named_as_such_with_the_windows_shell()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD [\"C:\\app\\run.exe\"]\n"));
        Assert.Equal("CMD looks like a JSON array but is not valid JSON (backslashes must be doubled, quotes must be double quotes), so it runs in shell form under `cmd /S /C`: fix the JSON",
            finding.Message);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("CMD app.exe --port 80\n", "CMD [\"app.exe\", \"--port\", \"80\"]\n")]
    [InlineData("CMD C:\\app\\run.exe\n", null)]
    [InlineData("CMD app.exe %PORT%\n", null)]
    public void On_windows_only_words_cmd_reads_literally_get_a_fix(string line, string? expected)
    {
        var text = "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n" + line;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Contains("`cmd /S /C`", finding.Message);
        Assert.Equal(expected is null ? null : "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n" + expected,
            finding.Fix is null ? null : FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void With_the_default_shell_one_finding_answers_to_both_checks()
    {
        var findings = RuleAssert.Lint(Rule, "FROM alpine:3.20 AS base\nENTRYPOINT app\nCMD serve\nONBUILD CMD child\n");
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.Equal(["JSONArgsRecommended", "DL3025"], f.Aliases);
            Assert.Equal(Severity.Warning, f.Severity);
        });
        Assert.Equal("ENTRYPOINT in shell form runs under `/bin/sh -c`, which does not pass stop signals on and ignores CMD and `docker run` arguments: write it as a JSON array (`ENTRYPOINT [\"app\"]`), or choose a SHELL explicitly",
            findings[0].Message);
    }

    [Theory]
    [InlineData("FROM alpine:3.20\nSHELL [\"/bin/bash\", \"-c\"]\nCMD serve\n", "CMD in shell form runs under `/bin/bash -c`, which does not pass stop signals on to the command: write it as a JSON array (`CMD [\"serve\"]`)")]
    [InlineData("FROM alpine:3.20 AS base\nSHELL [\"/bin/ash\", \"-c\"]\nFROM base\nENTRYPOINT serve\n", "ENTRYPOINT in shell form runs under `/bin/ash -c`, which does not pass stop signals on and ignores CMD and `docker run` arguments: write it as a JSON array (`ENTRYPOINT [\"serve\"]`)")]
    [InlineData("FROM alpine:3.20\nONBUILD CMD serve\nSHELL [\"/bin/ash\", \"-c\"]\n", "CMD in shell form runs under `/bin/sh -c`, which does not pass stop signals on to the command: write it as a JSON array (`CMD [\"serve\"]`)")]
    [InlineData("FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-c\"]\nCMD exec serve\n", "CMD in shell form needs `/bin/ash -c` in the image just to start the program (`exec` already passes stop signals on): write it as a JSON array (`CMD [\"serve\"]`)")]
    [InlineData("FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost/\n", "HEALTHCHECK CMD in shell form needs `/bin/sh -c` in the image to run the check: write it as a JSON array (`HEALTHCHECK CMD [\"wget\", \"-q\", \"--spider\", \"http://localhost/\"]`)")]
    [InlineData("FROM alpine:3.20\nONBUILD HEALTHCHECK CMD check\n", "HEALTHCHECK CMD in shell form needs `/bin/sh -c` in the image to run the check: write it as a JSON array (`HEALTHCHECK CMD [\"check\"]`)")]
    public void Where_buildkit_does_not_report_the_finding_is_hadolint_s_alone(string text, string message)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(["DL3025"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(message, finding.Message);
    }

    // `docker build --check` reports these too (BuildKit's JSONArgsRecommended looks only at the form and the SHELL).
    [Theory]
    [InlineData("FROM alpine:3.20\nCMD exec serve --port 80\n", "CMD in shell form needs `/bin/sh -c` in the image just to start the program (`exec` already passes stop signals on): write it as a JSON array (`CMD [\"serve\", \"--port\", \"80\"]`)")]
    [InlineData("FROM alpine:3.20\nENTRYPOINT exec serve\n", "ENTRYPOINT in shell form ignores CMD and `docker run` arguments, `exec` or not: write it as a JSON array (`ENTRYPOINT [\"serve\"]`)")]
    [InlineData("FROM alpine:3.20\nENTRYPOINT\texec serve\n", "ENTRYPOINT in shell form ignores CMD and `docker run` arguments, `exec` or not: write it as a JSON array (`ENTRYPOINT [\"serve\"]`)")]
    public void A_leading_exec_keeps_its_own_message_and_answers_to_both_checks(string text, string message)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(["JSONArgsRecommended", "DL3025"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(message, finding.Message);
        Assert.DoesNotContain("exec", FixApplierForTests.ApplyAndRecheck(Rule, text, finding), StringComparison.Ordinal);
    }

    [Fact]
    public void Buildkit_s_check_directive_acts_on_a_leading_exec_as_buildkit_does()
    {
        const string text = "FROM alpine:3.20\nCMD exec serve\nHEALTHCHECK CMD check\n";
        Assert.Equal([2, 3], LintAll(text).Select(f => f.Line));
        Assert.Equal([4], LintAll("# check=skip=JSONArgsRecommended\n" + text).Select(f => f.Line));
        var raised = LintAll("# check=error=true\n" + text);
        Assert.Equal([Severity.Error, Severity.Warning], raised.Select(f => f.Severity));
    }

    private const string BothAndHadolintOnly = "FROM alpine:3.20\nCMD serve\nHEALTHCHECK CMD check\n";

    private static IReadOnlyList<Finding> LintAll(string text, LintConfiguration? configuration = null) =>
        RuleAssert.LintWith(RuleCatalog.All, text, configuration ?? LintConfiguration.Default).Where(f => f.Rule == ShellFormCommand.Id).ToArray();

    private static LintConfiguration Ignoring(string code) =>
        LintConfiguration.Default with { Ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { code } };

    [Fact]
    public void The_whole_catalog_reports_each_command_once()
    {
        Assert.Equal([2, 3], LintAll(BothAndHadolintOnly).Select(f => f.Line));
    }

    [Theory]
    [InlineData("DL3025", new int[0])]
    [InlineData("dl3025", new int[0])]
    [InlineData("JSONArgsRecommended", new[] { 3 })]
    [InlineData("STG105", new int[0])]
    public void Ignoring_either_alias_drops_the_findings_that_carry_it(string code, int[] remainingLines)
    {
        Assert.Equal(remainingLines, LintAll(BothAndHadolintOnly, Ignoring(code)).Select(f => f.Line));
    }

    [Theory]
    [InlineData("# hadolint ignore=DL3025\n", new[] { 3 })]
    [InlineData("# stagecraft ignore=JSONArgsRecommended\n", new[] { 3 })]
    [InlineData("# hadolint global ignore=DL3025\n", new int[0])]
    public void Inline_ignores_by_either_alias_keep_working(string pragma, int[] remainingLines)
    {
        var text = BothAndHadolintOnly.Replace("CMD serve\n", pragma + "CMD serve\n", StringComparison.Ordinal);
        var offset = pragma.Contains("global", StringComparison.Ordinal) ? 0 : 1;
        Assert.Equal(remainingLines.Select(l => l + offset), LintAll(text).Select(f => f.Line));
    }

    [Fact]
    public void Buildkit_s_check_directive_applies_to_the_findings_that_carry_its_name()
    {
        Assert.Equal([4], LintAll("# check=skip=JSONArgsRecommended\n" + BothAndHadolintOnly).Select(f => f.Line));
        var raised = LintAll("# check=error=true\n" + BothAndHadolintOnly);
        Assert.Equal([Severity.Error, Severity.Warning], raised.Select(f => f.Severity));
    }

    [Theory]
    [InlineData("DL3025", Severity.Error, Severity.Error)]
    [InlineData("JSONArgsRecommended", Severity.Error, Severity.Warning)]
    [InlineData("STG105", Severity.Info, Severity.Info)]
    public void A_severity_override_by_either_alias_changes_the_findings_that_carry_it(string code, Severity both, Severity hadolintOnly)
    {
        var configuration = LintConfiguration.Default with
        {
            SeverityOverrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { [code] = both },
        };
        Assert.Equal([both, hadolintOnly], LintAll(BothAndHadolintOnly, configuration).Select(f => f.Severity));
    }

    [Theory]
    [InlineData("FROM node:20-slim\nENTRYPOINT /usr/local/bin/app\n", FixSafety.Safe)]
    [InlineData("FROM node:20-slim\nENTRYPOINT /usr/local/bin/app\nCMD [\"--serve\"]\n", FixSafety.Unsafe)]
    [InlineData("FROM node:20-slim\nSHELL [\"/bin/bash\", \"-c\"]\nCMD node server.js\n", FixSafety.Unsafe)]
    [InlineData("FROM node:20-slim\nHEALTHCHECK CMD wget -q --spider http://localhost/\n", FixSafety.Safe)]
    public void The_json_fix_is_unsafe_under_a_file_shell_or_when_an_entrypoint_would_start_taking_the_cmd(string text, FixSafety safety)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, text), f => f.Fix is not null);
        Assert.Equal(safety, finding.Fix!.Safety);
    }
}
