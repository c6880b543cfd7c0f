using System.Text.Json;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>How <c>lint</c> reads hadolint's configuration when a project has no .stagecraft.yaml.</summary>
public sealed class LintHadolintConfigurationTests : IDisposable
{
    private const string Broken = "FROM alpine:3.20\nFOO bar\n";

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_broken_hadolint_file_exits_2_naming_the_file_and_line()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".hadolint.yaml", "# hadolint settings\nfailure-threshold: warning\nignore:\n  - DL3008\n");

        var result = Lint();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: .hadolint.yaml:3: unknown key 'ignore' for hadolint (did you mean 'ignored'?)\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Invalid_YAML_in_a_hadolint_file_found_from_a_subfolder_exits_2()
    {
        _temp.Write("services/api/Dockerfile", Broken);
        _temp.Write(".hadolint.yml", "ignored: [DL3008\n");

        var result = CliRun.InFolder(Path.Combine(_temp.FullPath, "services", "api"), "lint");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: ../../.hadolint.yml:2: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'\n", result.Error);
    }

    [Fact]
    public void A_bad_HADOLINT_variable_exits_2_naming_it()
    {
        _temp.Write("Dockerfile", Broken);

        var result = Lint(new Dictionary<string, string> { ["HADOLINT_FAILURE_THRESHOLD"] = "warnings" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: HADOLINT_FAILURE_THRESHOLD: unknown failure threshold 'warnings' (did you mean 'warning'?)\n", result.Error);
    }

    [Fact]
    public void Hadolint_codes_in_the_file_drop_the_findings_they_name()
    {
        _temp.Write("Dockerfile", "FROM alpine:latest\n");
        Assert.Contains("DL3007", Aliases(Lint(["--format", "json"])));

        _temp.Write(".hadolint.yaml", "ignored:\n  - DL3007\n");

        Assert.DoesNotContain("DL3007", Aliases(Lint(["--format", "json"])));
    }

    [Fact]
    public void Overrides_in_the_file_change_severity_and_exit_code()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".hadolint.yaml", "override:\n  info: [STG000]\nfailure-threshold: warning\n");

        var result = Lint();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Dockerfile:2:1 STG000 info: unknown instruction: FOO\n", result.OutputText);
    }

    [Fact]
    public void Hadolints_none_threshold_fails_on_any_finding_and_no_fail_never_does()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".hadolint.yaml", "override:\n  style: [STG000]\nfailure-threshold: none\n");
        Assert.Equal(1, Lint().ExitCode);

        _temp.Write(".hadolint.yaml", "no-fail: true\n");
        Assert.Equal(0, Lint().ExitCode);
    }

    [Fact]
    public void Variables_apply_without_a_file_and_the_command_line_wins_over_them()
    {
        _temp.Write("Dockerfile", Broken);
        var environment = new Dictionary<string, string> { ["HADOLINT_NOFAIL"] = "1" };

        Assert.Equal(0, Lint(environment).ExitCode);
        Assert.Equal(1, Lint(environment, "--failure-threshold", "error").ExitCode);
        Assert.Equal(0, Lint(new Dictionary<string, string> { ["HADOLINT_IGNORE"] = "STG000" }).ExitCode);
    }

    [Fact]
    public void A_stagecraft_file_wins_and_hadolints_settings_are_not_read()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", "ignored: [STG000]\n");
        _temp.Write(".hadolint.yaml", "this is: [not valid\n");

        var result = Lint(new Dictionary<string, string> { ["HADOLINT_FAILURE_THRESHOLD"] = "bogus" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Codes_no_rule_checks_and_unused_output_settings_are_noted_on_standard_error()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".hadolint.yaml", "ignored: [STG000, DL3005, SC2086, DL4002]\nformat: sarif\n");

        var result = Lint();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("stagecraft: note: .hadolint.yaml:2: 'format' only shapes hadolint's own output; Stagecraft does not use it (use --format)\n" +
                     "stagecraft: note: .hadolint.yaml: no Stagecraft rule checks DL3005 or DL4002 yet\n", result.Error);
    }

    [Fact]
    public void The_json_report_names_the_settings_used()
    {
        _temp.Write("Dockerfile", Broken);
        Assert.False(Summary(Lint(["--format", "json"])).TryGetProperty("configuration", out _));

        _temp.Write(".hadolint.yaml", "ignored: [STG000]\n");
        Assert.Equal(".hadolint.yaml, HADOLINT_STRICT_LABELS",
            Summary(Lint(new Dictionary<string, string> { ["HADOLINT_STRICT_LABELS"] = "0" }, "--format", "json")).GetProperty("configuration").GetString());
    }

    [Fact]
    public void An_explicit_hadolint_file_is_read_in_hadolints_format()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write("ci/.hadolint.yaml", "ignored: [STG000]\ntrustedRegistries: docker.io\n");

        var result = Lint(["--config", "ci/.hadolint.yaml"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Hadolint_pragmas_in_the_Dockerfile_work()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20 AS build\n# hadolint ignore=STG000 # generated\nFOO one\n# hadolint stage ignore=STG000\nFROM build\nBAR two\n");

        var result = Lint();

        Assert.Equal("", result.Error);
        Assert.DoesNotContain("STG000", result.OutputText);
    }

    [Fact]
    public void Help_says_where_settings_come_from()
    {
        var help = CliRun.Run("lint", "--help").OutputText;

        Assert.Contains(".hadolint.yaml and HADOLINT_*", help);
        Assert.Contains("read in hadolint's format", help);
    }

    private CliResult Lint(params string[] args) => Lint(new Dictionary<string, string>(), args);

    private CliResult Lint(Dictionary<string, string> environment, params string[] args) =>
        CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath, Environment = environment }, ["lint", .. args]);

    private static JsonElement Summary(CliResult result) => JsonDocument.Parse(result.Output).RootElement.GetProperty("summary");

    private static string[] Aliases(CliResult result) =>
        JsonDocument.Parse(result.Output).RootElement.GetProperty("files").EnumerateArray()
            .SelectMany(f => f.GetProperty("findings").EnumerateArray())
            .SelectMany(f => f.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!))
            .ToArray();
}
