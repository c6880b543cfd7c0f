using Stagecraft.Semantics.Shell;
using static Stagecraft.Tests.Semantics.Shell.ShellTestHelpers;

namespace Stagecraft.Tests.Semantics.Shell;

public sealed class ShellCommandListTests
{
    [Fact]
    public void AptGetChainIsSplitIntoThreeCommandsWithExactSpans()
    {
        const string text = "apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*";
        var script = ParseClean(text);

        Assert.Equal(["apt-get", "apt-get", "rm"], script.Names());
        var (update, install, rm) = (script.Commands[0], script.Commands[1], script.Commands[2]);
        Assert.Equal("apt-get update", script.At(update.Span));
        Assert.Equal("apt-get install -y --no-install-recommends curl ca-certificates", script.At(install.Span));
        Assert.Equal("rm -rf /var/lib/apt/lists/*", script.At(rm.Span));
        Assert.Equal(["install", "-y", "--no-install-recommends", "curl", "ca-certificates"], install.Args());
        Assert.Equal(ShellOperator.And, update.Connector);
        Assert.Equal(ShellOperator.And, install.Connector);
        Assert.Equal(ShellOperator.None, rm.Connector);
        Assert.Same(install, update.Next);
        Assert.Same(rm, install.Next);
        Assert.Same(install, rm.Previous);
        Assert.Null(update.Previous);
        Assert.True(rm.Arguments[1].HasGlob);
        Assert.All(script.Commands, c => Assert.Equal(0, c.Depth));
        Assert.All(script.Commands, c => Assert.Equal(ShellContext.None, c.Context));
    }

    [Fact]
    public void EveryConnectorIsRecorded()
    {
        var script = ParseClean("a; b || c | d |& e & f\ng");
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], script.Names());
        Assert.Equal(
            [ShellOperator.Semicolon, ShellOperator.Or, ShellOperator.Pipe, ShellOperator.PipeAll, ShellOperator.Background, ShellOperator.Newline, ShellOperator.None],
            script.Commands.Select(c => c.Connector).ToArray());
        Assert.Equal([false, false, true, true, true, false, false], script.Commands.Select(c => c.IsInPipeline).ToArray());
        Assert.True(script.Commands[4].IsBackground);
        for (var i = 0; i + 1 < script.Commands.Count; i++)
            Assert.Same(script.Commands[i + 1], script.Commands[i].Next);
    }

    [Fact]
    public void SetEuxThenCommandsOnSeparateLines()
    {
        var script = ParseClean("set -eux; \\\n  groupadd -r app; \\\n  useradd -r -g app app\n");
        Assert.Equal(["set", "groupadd", "useradd"], script.Names());
        Assert.Equal(["-eux"], script.Commands[0].Args());
        Assert.Equal("useradd -r -g app app", script.At(script.Commands[2].Span));
        Assert.Equal(ShellOperator.Newline, script.Commands[2].Connector);
    }

    [Fact]
    public void CurlPipedToShellIsAPipeline()
    {
        const string text = "curl -fsSL https://example.com/install.sh | sh -s -- --yes";
        var script = ParseClean(text);
        var curl = script.Commands[0];
        var sh = script.Commands[1];
        Assert.Equal("curl", curl.Name);
        Assert.Equal(ShellOperator.Pipe, curl.Connector);
        Assert.Same(sh, curl.Next);
        Assert.True(curl.IsInPipeline);
        Assert.True(sh.IsInPipeline);
        Assert.Equal("sh", sh.Name);
        Assert.Equal("sh -s -- --yes", script.At(sh.Span));
    }

    [Fact]
    public void QuotedOperatorsDoNotSplitCommands()
    {
        var script = ParseClean("echo 'a && b' \"c || d; e\" f\\;g && true");
        Assert.Equal(["echo", "true"], script.Names());
        Assert.Equal(["a && b", "c || d; e", "f;g"], script.Commands[0].Args());
    }

    [Fact]
    public void CommentsRunToEndOfLineButOnlyAtWordStart()
    {
        var script = ParseClean("# leading comment && rm -rf /\napt-get update # trailing && nope\necho a#b");
        Assert.Equal(["apt-get", "echo"], script.Names());
        Assert.Equal(["update"], script.Commands[0].Args());
        Assert.Equal(["a#b"], script.Commands[1].Args());
        Assert.Same(script.Commands[1], script.Commands[0].Next);
    }

    [Fact]
    public void LineContinuationsJoinWordsAndCommands()
    {
        const string text = "apt-get install -y \\\n    git \\\n    make && \\\n  ma\\\nke all";
        var script = ParseClean(text);
        Assert.Equal(["apt-get", "make"], script.Names());
        Assert.Equal(["install", "-y", "git", "make"], script.Commands[0].Args());
        Assert.Equal("apt-get install -y \\\n    git \\\n    make", script.At(script.Commands[0].Span));
        Assert.Equal("ma\\\nke", script.Commands[1].NameWord!.Raw);
        Assert.Equal("ma\\\nke all", script.At(script.Commands[1].Span));
    }

    [Fact]
    public void CrLfLineEndingsAreTreatedAsNewlines()
    {
        var script = ParseClean("apt-get update \\\r\n && apt-get install -y x\r\necho done\r\n");
        Assert.Equal(["apt-get", "apt-get", "echo"], script.Names());
        Assert.Equal(["install", "-y", "x"], script.Commands[1].Args());
        Assert.Equal(["done"], script.Commands[2].Args());
    }

    [Fact]
    public void AssignmentsPrefixTheCommand()
    {
        var script = ParseClean("DEBIAN_FRONTEND=noninteractive TZ=\"Etc/UTC\" apt-get install -y tzdata");
        var command = Assert.Single(script.Commands);
        Assert.Equal("apt-get", command.Name);
        Assert.Equal(["DEBIAN_FRONTEND", "TZ"], command.Assignments.Select(a => a.Name).ToArray());
        Assert.Equal(["noninteractive", "Etc/UTC"], command.Assignments.Select(a => a.Value).ToArray());
        Assert.Equal("TZ=\"Etc/UTC\"", script.At(command.Assignments[1].Span));
        Assert.Equal(text(script), script.At(command.Span));

        static string text(ShellScript s) => s.Text;
    }

    [Fact]
    public void PureAssignmentHasNoName()
    {
        var script = ParseClean("A=1 B+=2; export C=3");
        var first = script.Commands[0];
        Assert.Null(first.Name);
        Assert.Null(first.BaseName);
        Assert.Empty(first.Words);
        Assert.Equal(2, first.Assignments.Count);
        Assert.True(first.Assignments[1].IsAppend);
        Assert.Equal("2", first.Assignments[1].Value);
        Assert.Equal("A=1 B+=2", script.At(first.Span));
        var export = script.Commands[1];
        Assert.Equal("export", export.Name);
        Assert.Empty(export.Assignments);
        Assert.Equal(["C=3"], export.Args());
    }

    [Fact]
    public void AssignmentAfterNameIsAnArgument()
    {
        var script = ParseClean("env X=1 make A=2");
        var env = script.Commands[0];
        Assert.Equal("env", env.Name);
        Assert.Empty(env.Assignments);
        Assert.Equal(["X=1", "make", "A=2"], env.Args());
    }

    [Fact]
    public void QuotedNameIsNotAnAssignment()
    {
        var script = ParseClean("\"A\"=1");
        Assert.Equal("A=1", script.Commands[0].Name);
        Assert.Empty(script.Commands[0].Assignments);
    }

    [Fact]
    public void BashArrayAssignmentKeepsItsParentheses()
    {
        var script = ParseClean("pkgs=(curl \"git lfs\") && apt-get install \"${pkgs[@]}\"");
        Assert.Equal(["<none>", "apt-get"], script.Names());
        Assert.Equal("(curl \"git lfs\")", script.Commands[0].Assignments[0].Value);
    }

    [Fact]
    public void NegationMarksThePipeline()
    {
        var script = ParseClean("! grep -q x file | cat && echo ok");
        Assert.True(script.Commands[0].IsNegated);
        Assert.True(script.Commands[1].IsNegated);
        Assert.False(script.Commands[2].IsNegated);
    }

    [Fact]
    public void NewlineAfterOperatorContinuesTheList()
    {
        var script = ParseClean("a &&\n\n  b ||\n c |\n d");
        Assert.Equal([ShellOperator.And, ShellOperator.Or, ShellOperator.Pipe, ShellOperator.None], script.Commands.Select(c => c.Connector).ToArray());
    }

    [Fact]
    public void TrailingSemicolonIsKeptAsConnectorWithoutNext()
    {
        var script = ParseClean("a;\n");
        Assert.Equal(ShellOperator.Semicolon, script.Commands[0].Connector);
        Assert.Null(script.Commands[0].Next);
    }

    [Fact]
    public void EmptyAndBlankScriptsHaveNoCommands()
    {
        Assert.Empty(ParseClean("").Commands);
        Assert.Empty(ParseClean("  \n\t\n # only a comment\n").Commands);
    }

    [Fact]
    public void LineAndColumnAreOneBased()
    {
        const string text = "a\n  bb cc\n\nd";
        var script = ParseClean(text);
        Assert.Equal(new ShellLocation(1, 1), script.GetLocation(script.Commands[0].Span.Start));
        Assert.Equal(new ShellLocation(2, 3), script.GetLocation(script.Commands[1].Span.Start));
        Assert.Equal(new ShellLocation(2, 6), script.GetLocation(script.Commands[1].Arguments[0].Span.Start));
        Assert.Equal(new ShellLocation(4, 1), script.GetLocation(script.Commands[2].Span.Start));
        Assert.Equal(new ShellLocation(1, 2), script.GetLocation(1));
        Assert.Equal(new ShellLocation(4, 2), script.GetLocation(text.Length + 100));
        Assert.Equal(new ShellLocation(1, 1), script.GetLocation(-5));
    }

    [Fact]
    public void CommandTextAndGetTextMatchSpan()
    {
        var script = ParseClean("  cd /src && make -j4  ");
        Assert.Equal("cd /src", script.Commands[0].Text);
        Assert.Equal("make -j4", script.GetText(script.Commands[1].Span));
        Assert.Equal("/src", script.Commands[0].Arguments[0].ToString());
    }
}
