using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary><c># stagecraft ignore=…</c> comments, in their instruction, <c>stage</c> and <c>global</c> forms, through <c>lint</c>.</summary>
public sealed class LintSuppressionTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_comment_above_an_instruction_silences_it_only()
    {
        var result = Lint("""
            FROM alpine:3.20
            # stagecraft ignore=STG000
            FOO one
            BAR two
            """);

        Assert.Equal("Dockerfile:4:1 STG000 error: unknown instruction: BAR\n", result.OutputText);
    }

    [Fact]
    public void The_comment_may_name_several_rules_aliases_or_names_and_sit_among_other_comments()
    {
        var result = Lint("""
            FROM alpine:3.20
            # stagecraft ignore=STG999, dockerfile-syntax
            # the next line is deliberate
            FOO one
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.OutputText);
    }

    [Fact]
    public void A_blank_line_ends_the_comments_reach()
    {
        var result = Lint("""
            FROM alpine:3.20
            # stagecraft ignore=STG000

            FOO one
            """);

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Global_silences_the_whole_file()
    {
        var result = Lint("""
            # stagecraft global ignore=STG000
            FROM alpine:3.20 AS build
            FOO one
            FROM build
            BAR two
            """);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Stage_silences_the_rest_of_its_stage()
    {
        var result = Lint("""
            FROM alpine:3.20 AS build
            # stagecraft stage ignore=STG000
            FOO one
            BAZ three
            FROM build
            BAR two
            """);

        Assert.Equal("Dockerfile:6:1 STG000 error: unknown instruction: BAR\n", result.OutputText);
    }

    [Fact]
    public void Disable_ignore_pragma_makes_the_comments_ineffective()
    {
        _temp.Write(".stagecraft.yaml", "disable-ignore-pragma: true\n");

        var result = Lint("""
            # stagecraft global ignore=STG000
            FROM alpine:3.20
            FOO one
            """);

        Assert.Equal("Dockerfile:3:1 STG000 error: unknown instruction: FOO\n", result.OutputText);
    }

    [Fact]
    public void A_check_directive_skips_buildkit_checks_and_error_true_fails_the_run()
    {
        const string body = "FROM alpine:3.20 as base\nCMD [\"sh\"]\n";

        Assert.Equal("Dockerfile:1:18 STG101 style: `as` does not match the case of `FROM`: write `AS`\n", Lint(body).OutputText);
        Assert.Equal("", Lint("# check=skip=FromAsCasing\n" + body).OutputText);
        var failing = Lint("# check=error=true\n" + body);
        Assert.Equal(1, failing.ExitCode);
        Assert.Equal("Dockerfile:2:18 STG101 error: `as` does not match the case of `FROM`: write `AS`\n", failing.OutputText);
    }

    [Fact]
    public void Enable_runs_a_rule_that_is_off_by_default()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\n# the version\nARG VERSION=1\n");

        Assert.Equal("", CliRun.InFolder(_temp.FullPath, "lint").OutputText);
        var enabled = CliRun.InFolder(_temp.FullPath, "lint", "--enable", "InvalidDefinitionDescription");
        Assert.StartsWith("Dockerfile:2:1 STG119 style: this comment sits right above `ARG VERSION`", enabled.OutputText);
        var unknown = CliRun.InFolder(_temp.FullPath, "lint", "--enable", "STG1199");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("stagecraft: --enable: unknown rule 'STG1199' (did you mean 'STG119'?)\n", unknown.Error);
    }

    private CliResult Lint(string dockerfile)
    {
        _temp.Write("Dockerfile", dockerfile + "\n");
        return CliRun.InFolder(_temp.FullPath, "lint");
    }
}
