using Stagecraft.Cli.Reporting;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary><c>stagecraft lint</c> exits 0 below the threshold, 1 at or above it, 2 for usage, configuration and input errors.</summary>
public sealed class LintExitCodeTests : IDisposable
{
    private const string Clean = "FROM alpine:3.20\nRUN echo hi\n";
    private const string Broken = "FROM alpine:3.20\nFOO bar\n";
    private const string OnlyWarning = "FROM alpine:3.20\nRUN echo \\\n\n  hi\n"; // an empty continuation line: STG000 as a warning

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Clean_file_exits_0_and_prints_nothing_when_redirected()
    {
        _temp.Write("Dockerfile", Clean);

        var result = Lint();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.OutputText);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Syntax_error_is_an_STG000_finding_and_exits_1()
    {
        _temp.Write("Dockerfile", Broken);

        var result = Lint();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Dockerfile:2:1 STG000 error: unknown instruction: FOO\n", result.OutputText);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("style", 1)]
    [InlineData("error", 0)]
    [InlineData("none", 0)]
    public void The_failure_threshold_decides_on_a_warning(string? threshold, int exitCode)
    {
        _temp.Write("Dockerfile", OnlyWarning);

        var result = threshold is null ? Lint() : Lint("--failure-threshold", threshold);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith("Dockerfile:3:1 STG000 warning: empty continuation line", result.OutputText);
    }

    [Fact]
    public void Threshold_none_passes_even_with_errors()
    {
        _temp.Write("Dockerfile", Broken);

        Assert.Equal(0, Lint("--failure-threshold", "none").ExitCode);
    }

    [Fact]
    public void The_configured_threshold_applies_unless_the_option_overrides_it()
    {
        _temp.Write("Dockerfile", OnlyWarning);
        _temp.Write(".stagecraft.yaml", "failure-threshold: error\n");

        Assert.Equal(0, Lint().ExitCode);
        Assert.Equal(1, Lint("--failure-threshold", "warning").ExitCode);
    }

    [Fact]
    public void No_path_lints_the_working_folder_and_every_Dockerfile_in_it()
    {
        _temp.Write("Dockerfile", Clean);
        _temp.Write("services/api/api.Dockerfile", Broken);
        _temp.Write(".devcontainer/Dockerfile", Broken);

        var result = Lint();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(".devcontainer/Dockerfile:2:1 STG000 error: unknown instruction: FOO\n" +
                     "services/api/api.Dockerfile:2:1 STG000 error: unknown instruction: FOO\n", result.OutputText);
    }

    [Fact]
    public void Standard_input_is_linted_as_dash()
    {
        var result = CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath, OpenInput = () => new MemoryStream("FROM alpine:3.20\nFOO\n"u8.ToArray()) },
            "lint", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("-:2:1 STG000 error: unknown instruction: FOO\n", result.OutputText);
    }

    [Fact]
    public void Files_globs_and_folders_mix()
    {
        _temp.Write("a/Dockerfile", Broken);
        _temp.Write("b/Dockerfile", Broken);
        _temp.Write("c/x.dockerfile", Broken);

        var result = Lint("c", "*/Dockerfile", "a/Dockerfile");

        Assert.Equal(["c/x.dockerfile", "a/Dockerfile", "b/Dockerfile"], result.OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[0]));
    }

    [Theory]
    [InlineData("stagecraft: nope: no such file\n", "nope")]
    [InlineData("stagecraft: nope/*/Dockerfile: no files match this pattern\n", "nope/*/Dockerfile")]
    [InlineData("stagecraft: --context missing: no such folder\n", "--context", "missing")]
    [InlineData("stagecraft: --ignore: unknown rule 'STG00' (did you mean 'STG000'?)\n", "--ignore", "STG00")]
    [InlineData("stagecraft: --config nope.yaml: no such file\n", "--config", "nope.yaml")]
    [InlineData("stagecraft: Dockerfile: --target tset names no stage of this Dockerfile\n", "--target", "tset")]
    public void Input_errors_exit_2_with_one_line(string error, params string[] args)
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20 AS test\n");

        var result = Lint(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error.Replace("--config nope.yaml", "nope.yaml"), result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_folder_without_Dockerfiles_exits_2()
    {
        _temp.Write("docs/README.md", "# docs\n");

        var result = Lint("docs");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: docs: no Dockerfiles found (looked for Dockerfile, dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile)\n",
            result.Error);
    }

    [Fact]
    public void A_binary_file_exits_2()
    {
        _temp.Write("Dockerfile", [(byte)'F', 0]);

        Assert.Equal("stagecraft: Dockerfile: contains NUL bytes at offset 1; not a Dockerfile\n", Lint().Error);
    }

    [Fact]
    public void Target_picks_the_stages_that_are_linted_and_accepts_an_existing_stage()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20 AS test\nFROM alpine:3.20 AS final\n");

        Assert.Equal(0, Lint("--target", "test").ExitCode);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--format", "yaml")]
    [InlineData("--format")]
    [InlineData("--failure-threshold", "critical")]
    [InlineData("--color", "--no-color")]
    public void Usage_errors_exit_2(params string[] args)
    {
        _temp.Write("Dockerfile", Clean);

        var result = Lint(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("stagecraft: ", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Unknown_format_names_the_choices()
    {
        var result = Lint("--format", "yaml");

        Assert.StartsWith("stagecraft: --format: unknown value 'yaml'; expected tty, gnu, json, sarif, checkstyle, github, gitlab, junit\n", result.Error);
    }

    [Fact]
    public void Every_listed_format_has_a_reporter()
    {
        Assert.All(LintFormats.Names.Where(n => n != LintFormats.Tty), n => Assert.NotNull(LintFormats.Engine(n, "/")));
        Assert.Equal(LintFormats.Names, LintFormats.Available);
    }

    [Fact]
    public void Help_lists_the_options()
    {
        var result = CliRun.Run("lint", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--format", "--output", "--failure-threshold", "--ignore", "--target", "--context", "--config", "--no-color", "--color" })
            Assert.Contains(option, result.OutputText);
    }

    private CliResult Lint(params string[] args) => CliRun.InFolder(_temp.FullPath, ["lint", .. args]);
}
