using Stagecraft.Semantics.Shell;
using static Stagecraft.Tests.Semantics.Shell.ShellTestHelpers;

namespace Stagecraft.Tests.Semantics.Shell;

public sealed class ShellDiagnosticTests
{
    private static ShellScript Read(string text)
    {
        var script = ShellScript.Parse(text);
        AssertSpansInside(script);
        Assert.True(script.HasDiagnostics);
        return script;
    }

    [Theory]
    [InlineData("echo 'abc", 5)]
    [InlineData("echo \"abc", 5)]
    [InlineData("echo $(ls", 5)]
    [InlineData("echo ${HOME", 5)]
    [InlineData("echo `ls", 5)]
    [InlineData("echo $((1+2", 5)]
    [InlineData("echo $'abc", 5)]
    public void UnterminatedConstructsPointAtTheirOpening(string text, int start)
    {
        var script = Read(text);
        var diagnostic = Assert.Single(script.Diagnostics, d => d.Kind == ShellDiagnosticKind.Unterminated);
        Assert.Equal(start, diagnostic.Span.Start);
        // The rest of the text belongs to the unterminated word.
        Assert.Equal(text.Length, script.Commands[0].Span.End);
        Assert.Equal("echo", script.Commands[0].Name);
    }

    [Theory]
    [InlineData("if true; then echo a", "'if' is never closed with 'fi'")]
    [InlineData("if true; echo a; fi", "'if' or 'elif' condition is not followed by 'then'")]
    [InlineData("while true; do echo a", "loop is never closed with 'done'")]
    [InlineData("for x in a b; echo $x; done", "loop lacks 'do'")]
    [InlineData("case x in a) echo a;;", "'case' is never closed with 'esac'")]
    [InlineData("{ echo a;", "'{' is never closed with '}'")]
    [InlineData("( echo a", "'(' is never closed with ')'")]
    [InlineData("[[ -n x && echo", "'[[' is never closed with ']]'")]
    public void MissingClosersAreReported(string text, string message)
    {
        var script = Read(text);
        Assert.Contains(script.Diagnostics, d => d.Message == message);
        Assert.Contains(script.Commands, c => c.Name is "echo" or "[[");
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("echo a; done")]
    [InlineData("echo a )")]
    [InlineData("echo a ;; echo b")]
    [InlineData("&& echo b")]
    [InlineData("echo a | | echo b")]
    [InlineData("}")]
    public void StrayTokensAreReportedAndSkipped(string text)
    {
        var script = Read(text);
        Assert.Contains(script.Diagnostics, d => d.Kind is ShellDiagnosticKind.UnexpectedToken or ShellDiagnosticKind.MissingOperand);
    }

    [Fact]
    public void ReadingRecoversAfterErrors()
    {
        var script = Read("if a; then b; done; apt-get update\necho ) x\ncurl -s u | ");
        Assert.Contains(script.Commands, c => c.Name == "apt-get");
        Assert.Contains(script.Commands, c => c.Name == "curl");
    }

    [Fact]
    public void OperatorWithoutFollowingCommandIsReported()
    {
        var script = Read("apt-get update &&");
        var diagnostic = Assert.Single(script.Diagnostics);
        Assert.Equal(ShellDiagnosticKind.MissingOperand, diagnostic.Kind);
        Assert.Equal("&&", script.At(diagnostic.Span));
        Assert.Equal(ShellOperator.And, script.Commands[0].Connector);
    }

    [Fact]
    public void MissingSeparatorBeforeParenthesisIsReported()
    {
        var script = Read("echo a (echo b)");
        Assert.Contains(script.Diagnostics, d => d.Kind == ShellDiagnosticKind.UnexpectedToken);
        Assert.Equal(["echo", "echo"], script.Names());
        Assert.Equal(ShellContext.Subshell, script.Commands[1].Context);
    }

    [Fact]
    public void DiagnosticsAreCapped()
    {
        var script = Read(string.Concat(Enumerable.Repeat("fi ", 10_000)));
        Assert.Equal(ShellParser.MaxDiagnostics + 1, script.Diagnostics.Count);
        Assert.Equal(ShellDiagnosticKind.TooManyDiagnostics, script.Diagnostics[^1].Kind);
    }

    [Fact]
    public void NullTextIsAProgrammingError()
    {
        Assert.Throws<ArgumentNullException>(() => ShellScript.Parse(null!));
    }

    [Fact]
    public void DiagnosticToStringNamesKindAndSpan()
    {
        var script = Read("echo 'x");
        Assert.Equal("[5..6): Unterminated: single quote is never closed", script.Diagnostics[0].ToString());
        Assert.Equal("1:6", script.GetLocation(script.Diagnostics[0].Span.Start).ToString());
    }
}
