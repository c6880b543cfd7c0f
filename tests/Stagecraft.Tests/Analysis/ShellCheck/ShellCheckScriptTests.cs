using System.Text;
using Stagecraft.Analysis.ShellCheck;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Analysis.ShellCheck;

/// <summary>How a RUN becomes the file ShellCheck reads, and how ShellCheck's positions come back to the Dockerfile (no binary needed).</summary>
public sealed class ShellCheckScriptTests
{
    private static (string Text, List<ShellCheckScript?> Scripts) Build(string dockerfile)
    {
        var model = SemanticModel.Build(SyntaxTree.Parse(dockerfile));
        var scripts = new List<ShellCheckScript?>();
        foreach (var stage in model.Stages)
        {
            foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
            {
                var names = stage.ScopeAt(run).All().Select(v => v.Name);
                scripts.Add(model.ScriptOf(run) is { } script ? ShellCheckScript.Create(script, stage.ShellAt(run), names) : null);
            }
        }
        return (dockerfile, scripts);
    }

    private static string Prelude(ShellCheckScript script) => script.Text[..script.Text.IndexOf('\n')];

    private static string At(string dockerfile, TextSpan span) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(dockerfile), span.Start, span.Length);

    private static ShellCheckComment Comment(int line, int column, int endLine, int endColumn) =>
        ShellCheckRunner.Parse($$"""{"comments":[{"file":"run0.sh","line":{{line}},"endLine":{{endLine}},"column":{{column}},"endColumn":{{endColumn}},"level":"info","code":2086,"message":"Double quote.","fix":null}]}""")!.Single();

    [Fact]
    public void The_prelude_exports_the_stage_args_and_envs_and_the_proxy_variables()
    {
        var (_, scripts) = Build("FROM alpine\nARG version=1\nARG bad-name\nENV home=/x\nRUN echo $version $home\n");

        var text = scripts.Single()!.Text;

        Assert.Equal("echo $version $home\n", text[(text.IndexOf('\n') + 1)..]);
        var prelude = text[..text.IndexOf('\n')];
        Assert.StartsWith("export HTTP_PROXY=1 ", prelude);
        Assert.Contains(" version=1", prelude);
        Assert.Contains(" home=1", prelude);
        Assert.DoesNotContain("bad-name", prelude);
    }

    [Fact]
    public void A_new_stage_starts_without_the_previous_stage_names()
    {
        var (_, scripts) = Build("FROM alpine AS a\nARG only_here=1\nRUN true\nFROM alpine\nRUN echo $only_here\n");

        Assert.Contains(" only_here=1", Prelude(scripts[0]!));
        Assert.DoesNotContain("only_here", Prelude(scripts[1]!));
    }

    [Theory]
    [InlineData("", "sh")]
    [InlineData("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n", "bash")]
    [InlineData("SHELL [\"/bin/ash\", \"-c\"]\n", "dash")]
    [InlineData("SHELL [\"/bin/mksh\", \"-c\"]\n", "ksh")]
    public void The_stage_shell_picks_the_dialect(string shell, string dialect)
    {
        var (_, scripts) = Build($"FROM alpine\n{shell}RUN echo hi\n");

        Assert.Equal(dialect, scripts.Single()!.Dialect);
    }

    [Theory]
    [InlineData("FROM alpine\nSHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host hi\n")]
    [InlineData("FROM alpine\nSHELL [\"/bin/zsh\", \"-c\"]\nRUN echo hi\n")]
    [InlineData("FROM alpine\nRUN [\"echo\", \"$x\"]\n")]
    [InlineData("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo %x%\n")]
    [InlineData("FROM alpine\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n")]
    public void Exec_form_and_shells_shellcheck_cannot_read_are_skipped(string dockerfile)
    {
        var (_, scripts) = Build(dockerfile);

        Assert.Null(Assert.Single(scripts));
    }

    [Fact]
    public void A_heredoc_shebang_picks_the_dialect_and_gives_its_line_to_the_prelude()
    {
        var dockerfile = "FROM alpine\nRUN <<EOF\n#!/usr/bin/env bash\necho $x\nEOF\n";
        var script = Build(dockerfile).Scripts.Single()!;

        Assert.Equal("bash", script.Dialect);
        Assert.Equal("echo $x\n", script.Text[(script.Text.IndexOf('\n') + 1)..]);
        Assert.Equal("$x", At(dockerfile, script.ToFileSpan(Comment(2, 6, 2, 8))!.Value));
    }

    [Fact]
    public void Positions_on_a_continued_line_map_to_the_dockerfile_line_they_are_on()
    {
        var dockerfile = "FROM alpine\nRUN echo $a && \\\n    cd /tmp && \\\n    echo $nope\n";
        var script = Build(dockerfile).Scripts.Single()!;
        var column = script.Text.Split('\n')[1].IndexOf("$nope", StringComparison.Ordinal) + 1;

        var span = script.ToFileSpan(Comment(2, column, 2, column + 5))!.Value;

        Assert.Equal("$nope", At(dockerfile, span));
        Assert.Equal(dockerfile.IndexOf("$nope", StringComparison.Ordinal), span.Start);
    }

    [Fact]
    public void Positions_in_a_heredoc_body_map_to_the_body_line()
    {
        var dockerfile = "FROM alpine\nRUN <<EOF\nset -e\n\techo $foo\nEOF\n";
        var script = Build(dockerfile).Scripts.Single()!;

        var span = script.ToFileSpan(Comment(3, 7, 3, 11))!.Value;

        Assert.Equal("$foo", At(dockerfile, span));
        Assert.Equal(dockerfile.IndexOf("$foo", StringComparison.Ordinal), span.Start);
    }

    [Fact]
    public void A_shell_form_heredoc_body_follows_its_command_and_maps_back()
    {
        var dockerfile = "FROM alpine\nRUN cat <<X > /etc/z && \\\n    echo done\nhello $baz\nX\n";
        var script = Build(dockerfile).Scripts.Single()!;

        Assert.EndsWith("\nhello $baz\nX\n", script.Text);
        var span = script.ToFileSpan(Comment(3, 7, 3, 11))!.Value;
        Assert.Equal("$baz", At(dockerfile, span));
        Assert.Equal(dockerfile.IndexOf("$baz", StringComparison.Ordinal), span.Start);
    }

    [Fact]
    public void Columns_count_code_points_so_text_after_non_ascii_maps_exactly()
    {
        var dockerfile = "FROM alpine\nRUN echo \"é😀\" $x\n";
        var script = Build(dockerfile).Scripts.Single()!;

        // json1 counts characters: e c h o space " é 😀 " space → $x is column 11.
        Assert.Equal("$x", At(dockerfile, script.ToFileSpan(Comment(2, 11, 2, 13))!.Value));
    }

    [Fact]
    public void A_comment_on_the_prelude_maps_nowhere()
    {
        var script = Build("FROM alpine\nRUN echo hi\n").Scripts.Single()!;

        Assert.Null(script.ToFileSpan(Comment(1, 1, 1, 5)));
    }

    [Fact]
    public void Output_that_is_not_json1_parses_to_null()
    {
        Assert.Null(ShellCheckRunner.Parse(""));
        Assert.Null(ShellCheckRunner.Parse("In run0.sh line 2: oops"));
        var comment = ShellCheckRunner.Parse("""{"comments":[{"file":"a","line":2,"endLine":2,"column":1,"endColumn":3,"level":"style","code":2016,"message":"m"}]}""")!.Single();
        Assert.Equal(("SC2016", "style", 2), (comment.CodeName, comment.Level, comment.Line));
    }
}
