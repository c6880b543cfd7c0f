using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>How <c>lint</c> finds and applies .stagecraft.yaml, and how it fails on a broken one.</summary>
public sealed class LintConfigurationTests : IDisposable
{
    private const string Broken = "FROM alpine:3.20\nFOO bar\n";

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_unknown_key_names_the_file_and_line_and_suggests_the_key()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", """
            # Stagecraft settings
            failure-threshold: warning
            trusted-registries:
              - docker.io
            override:
              info: [STG000]
            ignore:
              - STG000
            """);

        var result = Lint();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: .stagecraft.yaml:7: unknown key 'ignore' (did you mean 'ignored'?)\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("ignored: [STG000\n", "stagecraft: .stagecraft.yaml:2: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'\n")]
    [InlineData("override:\n  fatal: [STG000]\n", "stagecraft: .stagecraft.yaml:2: unknown severity 'fatal' (expected error, warning, info or style)\n")]
    [InlineData("ignored: [STG0000]\n", "stagecraft: .stagecraft.yaml:1: unknown rule 'STG0000' (did you mean 'STG000'?)\n")]
    [InlineData("strict-labels: maybe\n", "stagecraft: .stagecraft.yaml:1: 'strict-labels' must be true or false, not 'maybe'\n")]
    public void A_malformed_file_exits_2(string yaml, string error)
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", yaml);

        var result = Lint();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void The_file_is_found_from_a_subfolder_and_named_relative_to_it()
    {
        _temp.Write("services/api/Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", "ignored: [STG000]\nbogus: 1\n");

        var result = CliRun.InFolder(Path.Combine(_temp.FullPath, "services", "api"), "lint");

        Assert.Equal("stagecraft: ../../.stagecraft.yaml:2: unknown key 'bogus' (expected ignored, override, failure-threshold, trusted-registries, label-schema, strict-labels, disable-ignore-pragma, overrides or image)\n",
            result.Error);
    }

    [Fact]
    public void The_search_stops_at_the_repository_root()
    {
        using var outer = new TempDirectory();
        outer.Write(".stagecraft.yaml", "this is: [not valid\n");
        outer.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        outer.Write("repo/Dockerfile", "FROM alpine:3.20\n");

        var result = CliRun.InFolder(Path.Combine(outer.FullPath, "repo"), "lint");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Ignored_rules_are_dropped()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", "ignored: [dockerfile-syntax]\n");

        var result = Lint();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.OutputText);
    }

    [Fact]
    public void The_ignore_option_adds_to_the_file()
    {
        _temp.Write("Dockerfile", Broken);

        var result = Lint("--ignore", "stg000");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void ShellCheck_codes_are_accepted_by_the_ignore_option_and_the_file()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\nRUN echo $HOME_DIR\n");
        _temp.Write(".stagecraft.yaml", "ignored: [SC2154]\noverride:\n  warning: [SC2086]\n");

        var result = Lint("--ignore", "sc2086");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.DoesNotContain("SC2086", result.OutputText);
    }

    [Fact]
    public void Severity_overrides_change_the_reported_severity_and_the_exit_code()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", "override:\n  info: [STG000]\n");

        var result = Lint();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Dockerfile:2:1 STG000 info: unknown instruction: FOO\n", result.OutputText);
    }

    [Fact]
    public void Per_path_overrides_apply_to_the_matching_Dockerfiles_only()
    {
        _temp.Write("legacy/Dockerfile", Broken);
        _temp.Write("services/old/Dockerfile", Broken);
        _temp.Write("services/new/Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", """
            overrides:
              - paths: [legacy/**]
                ignored: [STG000]
              - paths: [services/old]
                override:
                  style: [STG000]
            """);

        var result = Lint();

        Assert.Equal("services/new/Dockerfile:2:1 STG000 error: unknown instruction: FOO\n" +
                     "services/old/Dockerfile:2:1 STG000 style: unknown instruction: FOO\n", result.OutputText);
    }

    [Fact]
    public void An_explicit_config_file_replaces_the_search()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", "not: valid\n");
        _temp.Write("ci/lint.yaml", "ignored: [STG000]\n");

        var result = Lint("--config", "ci/lint.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Paths_in_an_explicit_config_file_are_relative_to_the_working_folder()
    {
        _temp.Write("legacy/Dockerfile", Broken);
        _temp.Write("app/Dockerfile", Broken);
        _temp.Write("ci/lint.yaml", "overrides:\n  - paths: [legacy/]\n    ignored: [STG000]\n");

        var result = Lint("--config", "ci/lint.yaml");

        Assert.Equal("app/Dockerfile:2:1 STG000 error: unknown instruction: FOO\n", result.OutputText);
    }

    [Fact]
    public void Paths_in_a_found_config_file_are_relative_to_its_folder()
    {
        _temp.Write("legacy/Dockerfile", Broken);
        _temp.Write("app/Dockerfile", Broken);
        _temp.Write(".stagecraft.yaml", "overrides:\n  - paths: [/legacy]\n    ignored: [STG000]\n");

        var result = CliRun.InFolder(Path.Combine(_temp.FullPath, "app"), "lint", "..");

        Assert.Equal("../app/Dockerfile:2:1 STG000 error: unknown instruction: FOO\n", result.OutputText);
    }

    [Fact]
    public void Errors_in_an_explicit_config_file_name_it_as_typed()
    {
        _temp.Write("Dockerfile", Broken);
        _temp.Write("ci/lint.yaml", "\n\nfailure-threshold: sometimes\n");

        var result = Lint("--config", "ci/lint.yaml");

        Assert.Equal("stagecraft: ci/lint.yaml:3: 'failure-threshold' must be error, warning, info, style or none, not 'sometimes'\n", result.Error);
    }

    private CliResult Lint(params string[] args) => CliRun.InFolder(_temp.FullPath, ["lint", .. args]);
}
