using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Analysis.ShellCheck;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public sealed class ShellCheckFindingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly ShellCheckFinding Rule = new();

    /// <summary>A stand-in for shellcheck, written as a shell script.</summary>
    private string Fake(string script)
    {
        var path = _temp.Write("shellcheck", script);
        if (OperatingSystem.IsWindows())
            Assert.Skip("the stand-in shellcheck is a POSIX shell script");
        else
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public void A_finding_carries_its_sc_code_as_its_only_alias_and_shellchecks_level()
    {
        ShellCheckBinary.Require();

        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine:3.20\nRUN echo [|$HOME_DIR|]\n"));

        Assert.Equal(["SC2086"], finding.Aliases);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("SC2086: Double quote to prevent globbing and word splitting.", finding.Message);
    }

    [Fact]
    public void Arg_and_env_names_of_the_stage_count_as_assigned()
    {
        ShellCheckBinary.Require();

        RuleAssert.Quiet(Rule, "FROM alpine:3.20\nARG version\nENV home=/x\nRUN echo \"$version\" \"$home\" \"$http_proxy\"\n");
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine:3.20 AS a\nARG version\nFROM alpine:3.20\nRUN echo \"[|$version|]\"\n"));
        Assert.Equal(["SC2154"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void A_bash_shell_allows_bash_syntax_that_sh_refuses()
    {
        ShellCheckBinary.Require();

        RuleAssert.Quiet(Rule, "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -d /tmp ]] && echo ok\n");
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM debian:12\nRUN [|[[ -d /tmp ]]|] && echo ok\n"));
        Assert.Equal(["SC3010"], finding.Aliases);
    }

    [Fact]
    public void Ignoring_an_sc_code_drops_only_that_check()
    {
        ShellCheckBinary.Require();
        const string dockerfile = "FROM alpine:3.20\nRUN echo $HOME_DIR $nope\n";
        var configuration = new LintConfiguration { Ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SC2086" } };

        var findings = new Linter([Rule]).Lint(Stagecraft.Syntax.SyntaxTree.Parse(dockerfile), "Dockerfile", configuration: configuration);

        Assert.Equal(["SC2154"], findings.SelectMany(f => f.Aliases).Distinct());
    }

    [Fact]
    public void An_inline_ignore_of_an_sc_code_is_honoured()
    {
        ShellCheckBinary.Require();

        RuleAssert.Quiet(Rule, "FROM alpine:3.20\n# stagecraft ignore=SC2086\nRUN echo $HOME_DIR\n");
        RuleAssert.Quiet(Rule, "FROM alpine:3.20\n# hadolint ignore=SC2086\nRUN echo $HOME_DIR\n");
    }

    [Fact]
    public void A_severity_override_by_sc_code_applies()
    {
        ShellCheckBinary.Require();
        var file = ConfigurationFile.Parse("override:\n  error: [SC2086]\n", ".stagecraft.yaml", "/project");

        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nRUN echo $HOME_DIR\n", configuration: file.Settings));

        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Sc_codes_are_valid_in_stagecraft_yaml_and_resolve_to_themselves()
    {
        var file = ConfigurationFile.Parse("ignored: [sc2086]\n", ".stagecraft.yaml", "/project");

        Assert.Contains("SC2086", file.Settings.Ignored);
        Assert.Equal("SC1000", RuleLookup.Canonical("SC1000"));
        Assert.Equal("STG300", RuleLookup.Find("sc2154")!.Descriptor.Id);
        Assert.Null(RuleLookup.Find("SC20860"));
    }

    [Fact]
    public void Without_shellcheck_the_rule_finds_nothing()
    {
        RuleAssert.Quiet(new ShellCheckFinding(null), "FROM alpine:3.20\nRUN echo $HOME_DIR\n");
    }

    [Fact]
    public void Output_that_is_not_json1_becomes_one_info_note_on_the_first_run()
    {
        var fake = Fake("#!/bin/sh\necho 'In run0.sh line 1: something'\nexit 1\n");

        var finding = Assert.Single(RuleAssert.Marked(new ShellCheckFinding(new ShellCheckRunner(fake)),
            "FROM alpine:3.20\n[|RUN|] echo a\nRUN echo b\n"));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Empty(finding.Aliases);
        Assert.Equal("RUN scripts were not checked: shellcheck printed output that is not its json1 format", finding.Message);
    }

    [Fact]
    public void An_unexpected_exit_status_is_reported_with_the_first_error_line()
    {
        var fake = Fake("#!/bin/sh\necho 'unrecognized option' >&2\nexit 4\n");

        var finding = Assert.Single(RuleAssert.Lint(new ShellCheckFinding(new ShellCheckRunner(fake)), "FROM alpine:3.20\nRUN echo a\n"));

        Assert.Equal("RUN scripts were not checked: shellcheck exited with status 4: unrecognized option", finding.Message);
    }

    [Fact]
    public void A_missing_binary_is_a_note_not_a_crash()
    {
        var finding = Assert.Single(RuleAssert.Lint(new ShellCheckFinding(new ShellCheckRunner(Path.Combine(_temp.FullPath, "absent"))), "FROM alpine:3.20\nRUN echo a\n"));

        Assert.StartsWith("RUN scripts were not checked: shellcheck could not run: ", finding.Message);
    }

    [Fact]
    public void One_process_checks_every_run_of_a_dialect()
    {
        var log = Path.Combine(_temp.FullPath, "calls.log");
        var fake = Fake($"#!/bin/sh\necho \"$*\" >> '{log}'\necho '{{\"comments\":[]}}'\n");

        RuleAssert.Quiet(new ShellCheckFinding(new ShellCheckRunner(fake)),
            "FROM alpine:3.20\nRUN echo a\nRUN echo b\nRUN [\"echo\", \"exec\"]\nFROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo c\nRUN echo d\n");

        var calls = File.ReadAllLines(log);
        Assert.Equal(2, calls.Length);
        Assert.Equal($"-f json1 --norc --shell=sh --exclude={ShellCheckRunner.Excluded} run0.sh run1.sh", calls[0]);
        Assert.Equal($"-f json1 --norc --shell=bash --exclude={ShellCheckRunner.Excluded} run2.sh run3.sh", calls[1]);
    }

    [Fact]
    public void The_temporary_scripts_are_removed()
    {
        var fake = Fake("#!/bin/sh\necho \"$PWD\" > \"$0.pwd\"\necho '{\"comments\":[]}'\n");

        RuleAssert.Quiet(new ShellCheckFinding(new ShellCheckRunner(fake)), "FROM alpine:3.20\nRUN echo a\n");

        var folder = File.ReadAllText(fake + ".pwd").Trim();
        Assert.Contains("stagecraft-shellcheck-", folder);
        Assert.False(Directory.Exists(folder));
    }
}
