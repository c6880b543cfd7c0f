using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Semantics;

public class RunScriptTests
{
    private static (SemanticModel Model, RunScript? Script) First(string text)
    {
        var model = SemanticModel.Build(SyntaxTree.Parse(text));
        var run = model.Tree.Root.Instructions.OfType<RunInstructionSyntax>().First();
        return (model, model.ScriptOf(run));
    }

    [Fact]
    public void Commands_across_continuation_lines_map_back_to_their_exact_place()
    {
        var (model, script) = First("FROM debian\nRUN apt-get update \\\n    # refresh\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n");

        Assert.NotNull(script);
        var commands = script.Script.Commands;
        Assert.Equal(["apt-get", "apt-get", "rm"], commands.Select(c => c.Name));
        var install = commands[1];
        var span = script.ToFileSpan(install.Span);
        Assert.Equal("apt-get install -y --no-install-recommends curl", model.Tree.GetText(span));
        Assert.Equal(new SourcePosition(4, 8, span.Start), model.Tree.GetPosition(span.Start));
        var rm = script.ToFileSpan(commands[2].Span);
        Assert.Equal(5, model.Tree.GetPosition(rm.Start).Line);
    }

    [Fact]
    public void A_heredoc_only_command_line_runs_the_body_as_the_script()
    {
        var (model, script) = First("FROM debian\nRUN <<-EOF\n\tset -eux\n\tapt-get update\nEOF\n");

        Assert.NotNull(script);
        Assert.Equal("set -eux\napt-get update\n", script.Text);
        var update = script.Script.Commands.Single(c => c.Name == "apt-get");
        var span = script.ToFileSpan(update.Span);
        Assert.Equal("apt-get update", model.Tree.GetText(span));
        Assert.Equal(new SourcePosition(4, 2, span.Start), model.Tree.GetPosition(span.Start));
    }

    [Fact]
    public void Non_ascii_text_maps_by_bytes()
    {
        var (model, script) = First("FROM debian\nRUN echo \"héllo wörld\" && touch /tmp/ünïcode\n");
        var touch = script!.Script.Commands.Single(c => c.Name == "touch");
        Assert.Equal("touch /tmp/ünïcode", model.Tree.GetText(script.ToFileSpan(touch.Span)));
    }

    [Theory]
    [InlineData("FROM debian\nRUN [\"apt-get\", \"update\"]\n")]
    [InlineData("FROM mcr.microsoft.com/windows/servercore\nSHELL [\"powershell\", \"-Command\"]\nRUN Get-ChildItem\n")]
    [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir\n")]
    [InlineData("FROM --platform=windows/amd64 myimage AS w\nFROM w\nRUN dir\n")]
    [InlineData("FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint('hi')\nEOF\n")]
    public void Scripts_not_run_by_a_posix_shell_are_not_read(string text) => Assert.Null(First(text).Script);

    [Fact]
    public void A_heredoc_fed_to_a_command_leaves_the_command_line_as_the_script()
    {
        var (_, script) = First("FROM debian\nRUN cat <<EOF > /etc/motd\nhello\nEOF\n");
        Assert.Equal("cat", Assert.Single(script!.Script.Commands).Name);
    }
}
