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

    private CliResult Lint(string dockerfile)
    {
        _temp.Write("Dockerfile", dockerfile + "\n");
        return CliRun.InFolder(_temp.FullPath, "lint");
    }
}
