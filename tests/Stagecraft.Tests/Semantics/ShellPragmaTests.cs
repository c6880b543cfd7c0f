using Stagecraft.Analysis.Rules.Size;
using Stagecraft.Semantics;
using Stagecraft.Syntax;
using Stagecraft.Tests.Analysis;

namespace Stagecraft.Tests.Semantics;

/// <summary><c># hadolint shell=NAME</c>: which shell runs the RUN commands after it, so non-POSIX ones are not read as sh.</summary>
public class ShellPragmaTests
{
    private static (SemanticModel Model, RunInstructionSyntax[] Runs) Model(string text)
    {
        var model = SemanticModel.Build(SyntaxTree.Parse(text));
        return (model, model.Tree.Root.Instructions.OfType<RunInstructionSyntax>().ToArray());
    }

    [Fact]
    public void Inside_a_stage_it_switches_the_shell_from_there_on()
    {
        var (model, runs) = Model("FROM debian\nRUN apt-get update\n# hadolint shell=powershell\nRUN Get-Process notepad | Stop-Process\n");

        Assert.NotNull(model.ScriptOf(runs[0]));
        Assert.Null(model.ScriptOf(runs[1]));
        Assert.Equal(["powershell"], model.Stages[0].ShellAt(runs[1]));
    }

    [Fact]
    public void Before_the_first_FROM_it_is_every_stages_shell_and_stages_built_on_a_stage_inherit_it()
    {
        var (model, runs) = Model("# hadolint shell=pwsh\nFROM mcr.microsoft.com/powershell AS a\nRUN Write-Host a\nFROM a\nRUN Write-Host b\nFROM alpine\nRUN Write-Host c\n");

        Assert.All(runs, run => Assert.Null(model.ScriptOf(run)));
    }

    [Fact]
    public void A_stage_built_on_a_stage_inherits_a_pragma_given_inside_it()
    {
        var (model, runs) = Model("FROM debian AS a\n# stagecraft shell=cmd\nFROM a\nRUN dir\nFROM debian\nRUN ls\n");

        Assert.Null(model.ScriptOf(runs[0]));
        Assert.NotNull(model.ScriptOf(runs[1]));
    }

    [Fact]
    public void A_POSIX_shell_makes_a_Windows_stage_readable_as_sh()
    {
        var (model, runs) = Model("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n# hadolint shell=bash\nRUN apt-get update\n");

        Assert.Null(model.ScriptOf(runs[0]));
        Assert.NotNull(model.ScriptOf(runs[1]));
    }

    [Fact]
    public void A_SHELL_instruction_after_the_pragma_takes_over()
    {
        var (model, runs) = Model("FROM debian\n# hadolint shell=powershell\nRUN Get-Item x\nSHELL [\"/bin/bash\", \"-c\"]\nRUN apt-get update\n");

        Assert.Null(model.ScriptOf(runs[0]));
        Assert.NotNull(model.ScriptOf(runs[1]));
    }

    [Fact]
    public void Shell_rules_skip_commands_the_pragma_marks_as_non_POSIX()
    {
        const string body = "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n";

        Assert.NotEmpty(RuleAssert.Lint(new PackageCacheLeftInLayer(), body));
        Assert.Empty(RuleAssert.Lint(new PackageCacheLeftInLayer(), "# hadolint shell=powershell\n" + body));
    }
}
