using Stagecraft.Semantics.Shell;
using static Stagecraft.Tests.Semantics.Shell.ShellTestHelpers;

namespace Stagecraft.Tests.Semantics.Shell;

public sealed class ShellRedirectionTests
{
    [Theory]
    [InlineData("cmd > out", ShellRedirectionOperator.Output, null, "out", 1)]
    [InlineData("cmd >> out", ShellRedirectionOperator.Append, null, "out", 1)]
    [InlineData("cmd < in", ShellRedirectionOperator.Input, null, "in", 0)]
    [InlineData("cmd 2>&1", ShellRedirectionOperator.DuplicateOutput, 2, "1", 2)]
    [InlineData("cmd >&2", ShellRedirectionOperator.DuplicateOutput, null, "2", 1)]
    [InlineData("cmd 3<&0", ShellRedirectionOperator.DuplicateInput, 3, "0", 3)]
    [InlineData("cmd &> all", ShellRedirectionOperator.OutputAndError, null, "all", 1)]
    [InlineData("cmd &>> all", ShellRedirectionOperator.AppendOutputAndError, null, "all", 1)]
    [InlineData("cmd >| f", ShellRedirectionOperator.Clobber, null, "f", 1)]
    [InlineData("cmd <> f", ShellRedirectionOperator.ReadWrite, null, "f", 0)]
    [InlineData("cmd <<< \"a b\"", ShellRedirectionOperator.HereString, null, "a b", 0)]
    [InlineData("cmd 2>/dev/null", ShellRedirectionOperator.Output, 2, "/dev/null", 2)]
    public void RedirectionOperatorFdAndTarget(string text, ShellRedirectionOperator op, int? fd, string target, int effectiveFd)
    {
        var script = ParseClean(text);
        var command = Assert.Single(script.Commands);
        var redirection = Assert.Single(command.Redirections);
        Assert.Equal(op, redirection.Operator);
        Assert.Equal(fd, redirection.FileDescriptor);
        Assert.Equal(target, redirection.Target!.Value);
        Assert.Equal(effectiveFd, redirection.EffectiveFileDescriptor);
        Assert.Equal(text.Substring(4), script.At(redirection.Span));
        Assert.Equal(text.Substring(4), redirection.ToString());
        Assert.Equal(text, script.At(command.Span));
        Assert.Empty(command.Arguments);
        Assert.Contains(redirection.OperatorText, text);
    }

    [Fact]
    public void RedirectionsMayAppearAnywhereAmongWords()
    {
        var script = ParseClean(">/log 2>&1 A=1 cmd arg1 <in arg2");
        var command = Assert.Single(script.Commands);
        Assert.Equal("cmd", command.Name);
        Assert.Equal(["arg1", "arg2"], command.Args());
        Assert.Equal("A", Assert.Single(command.Assignments).Name);
        Assert.Equal(3, command.Redirections.Count);
    }

    [Fact]
    public void DigitsNotTouchingOperatorAreAWord()
    {
        var script = ParseClean("echo 2 >x 12>y");
        var command = script.Commands[0];
        Assert.Equal(["2"], command.Args());
        Assert.Null(command.Redirections[0].FileDescriptor);
        Assert.Equal(12, command.Redirections[1].FileDescriptor);
    }

    [Fact]
    public void RedirectionOnlyCommandHasNoName()
    {
        var script = ParseClean(": > /etc/motd; > /empty");
        Assert.Equal(":", script.Commands[0].Name);
        Assert.Null(script.Commands[1].Name);
        Assert.Single(script.Commands[1].Redirections);
    }

    [Fact]
    public void HereDocBodyIsSkippedAndRecorded()
    {
        const string text = "cat <<EOF > /etc/app.conf && echo written\nkey=$VALUE\nrm -rf / && evil\nEOF\napt-get update";
        var script = ParseClean(text);
        Assert.Equal(["cat", "echo", "apt-get"], script.Names());
        var cat = script.Commands[0];
        var hereDoc = cat.Redirections[0];
        Assert.True(hereDoc.IsHereDoc);
        Assert.Equal("EOF", hereDoc.HereDocDelimiter);
        Assert.False(hereDoc.IsHereDocQuoted);
        Assert.Equal("key=$VALUE\nrm -rf / && evil\n", hereDoc.HereDocBody);
        Assert.Equal(hereDoc.HereDocBody, script.At(hereDoc.HereDocBodySpan!.Value));
        Assert.Equal("cat <<EOF > /etc/app.conf", script.At(cat.Span));
        Assert.Equal(ShellOperator.And, cat.Connector);
        Assert.Equal(ShellOperator.Newline, script.Commands[1].Connector);
        Assert.Same(script.Commands[2], script.Commands[1].Next);
    }

    [Fact]
    public void QuotedDelimiterAndTabStripping()
    {
        const string text = "cat <<-'END' >f\n\tliteral $x\n\t\tindented\n\tEND\necho next";
        var script = ParseClean(text);
        Assert.Equal(["cat", "echo"], script.Names());
        var hereDoc = script.Commands[0].Redirections[0];
        Assert.Equal(ShellRedirectionOperator.HereDocStripTabs, hereDoc.Operator);
        Assert.Equal("END", hereDoc.HereDocDelimiter);
        Assert.True(hereDoc.IsHereDocQuoted);
        Assert.Equal("literal $x\nindented\n", hereDoc.HereDocBody);
        Assert.Equal("\tliteral $x\n\t\tindented\n", script.At(hereDoc.HereDocBodySpan!.Value));
    }

    [Fact]
    public void TwoHereDocsOnOneLineAreReadInOrder()
    {
        var script = ParseClean("paste <<A 3<<\"B\"\none\nA\ntwo\nB\necho after");
        var redirections = script.Commands[0].Redirections;
        Assert.Equal("one\n", redirections[0].HereDocBody);
        Assert.Equal("two\n", redirections[1].HereDocBody);
        Assert.Equal(3, redirections[1].FileDescriptor);
        Assert.Equal(["paste", "echo"], script.Names());
    }

    [Fact]
    public void HereDocDelimiterWithCrLfAndEscapedDelimiter()
    {
        var script = ParseClean("cat <<\\EOF\r\nx\r\nEOF\r\necho y");
        Assert.Equal("EOF", script.Commands[0].Redirections[0].HereDocDelimiter);
        Assert.True(script.Commands[0].Redirections[0].IsHereDocQuoted);
        Assert.Equal(["cat", "echo"], script.Names());
    }

    [Fact]
    public void HereDocInsideCommandSubstitution()
    {
        var script = ParseClean("v=$(cat <<EOF\nhello ) world\nEOF\n) && echo \"$v\"");
        Assert.Equal(["<none>", "cat", "echo"], script.Names());
        Assert.Equal("hello ) world\n", script.Commands[1].Redirections[0].HereDocBody);
    }

    [Fact]
    public void HereDocOnLoopIsReadSoLaterCommandsAreRight()
    {
        var script = ParseClean("while read a; do echo $a; done <<EOF\nx && y\nEOF\nrm -f z");
        Assert.Equal(["read", "echo", "rm"], script.Names());
    }

    [Fact]
    public void UnterminatedHereDocIsDiagnosed()
    {
        var script = ShellScript.Parse("cat <<EOF\nbody without end");
        AssertSpansInside(script);
        var redirection = script.Commands[0].Redirections[0];
        Assert.True(redirection.IsHereDocUnterminated);
        Assert.Equal("body without end", redirection.HereDocBody);
        Assert.Contains(script.Diagnostics, d => d.Kind == ShellDiagnosticKind.UnterminatedHereDoc);

        var noBody = ShellScript.Parse("cat <<EOF");
        Assert.Contains(noBody.Diagnostics, d => d.Kind == ShellDiagnosticKind.UnterminatedHereDoc);
        Assert.Equal(string.Empty, noBody.Commands[0].Redirections[0].HereDocBody);
    }

    [Fact]
    public void MissingRedirectionTargetIsDiagnosed()
    {
        var script = ShellScript.Parse("echo hi >");
        AssertSpansInside(script);
        var redirection = Assert.Single(script.Commands[0].Redirections);
        Assert.Null(redirection.Target);
        Assert.Contains(script.Diagnostics, d => d.Kind == ShellDiagnosticKind.MissingOperand);
    }

    [Fact]
    public void ProcessSubstitutionIsOneOpaqueWord()
    {
        var script = ParseClean("diff <(sort a) <(sort b) && echo same");
        Assert.Equal(["diff", "echo"], script.Names());
        Assert.Equal(["<(sort a)", "<(sort b)"], script.Commands[0].Args());
        Assert.True(script.Commands[0].Arguments[0].HasExpansion);
    }
}
