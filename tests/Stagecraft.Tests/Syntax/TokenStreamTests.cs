using Stagecraft.Syntax;

namespace Stagecraft.Tests.Syntax;

public sealed class TokenStreamTests
{
    [Fact]
    public void Tokens_name_keywords_flags_text_and_trivia()
    {
        var tree = SyntaxTree.Parse("# syntax=docker/dockerfile:1\nFROM --platform=$BUILDPLATFORM alpine AS build\nRUN echo a \\\n  # note\n  b\nCOPY <<EOF /x\nhi\nEOF\n");

        var tokens = tree.Tokens.Select(t => (t.Kind, tree.GetText(t.Span))).ToArray();

        Assert.Equal(
        [
            (SyntaxTokenKind.Directive, "# syntax=docker/dockerfile:1"), (SyntaxTokenKind.Newline, "\n"),
            (SyntaxTokenKind.Keyword, "FROM"), (SyntaxTokenKind.Whitespace, " "), (SyntaxTokenKind.Flag, "--platform=$BUILDPLATFORM"),
            (SyntaxTokenKind.Whitespace, " "), (SyntaxTokenKind.Text, "alpine"), (SyntaxTokenKind.Whitespace, " "),
            (SyntaxTokenKind.Text, "AS"), (SyntaxTokenKind.Whitespace, " "), (SyntaxTokenKind.Text, "build"), (SyntaxTokenKind.Newline, "\n"),
            (SyntaxTokenKind.Keyword, "RUN"), (SyntaxTokenKind.Whitespace, " "), (SyntaxTokenKind.Text, "echo"), (SyntaxTokenKind.Whitespace, " "),
            (SyntaxTokenKind.Text, "a"), (SyntaxTokenKind.Whitespace, " "), (SyntaxTokenKind.LineContinuation, "\\"), (SyntaxTokenKind.Newline, "\n"),
            (SyntaxTokenKind.Whitespace, "  "), (SyntaxTokenKind.Comment, "# note"), (SyntaxTokenKind.Newline, "\n"),
            (SyntaxTokenKind.Whitespace, "  "), (SyntaxTokenKind.Text, "b"), (SyntaxTokenKind.Newline, "\n"),
            (SyntaxTokenKind.Keyword, "COPY"), (SyntaxTokenKind.Whitespace, " "), (SyntaxTokenKind.Text, "<<EOF"), (SyntaxTokenKind.Whitespace, " "),
            (SyntaxTokenKind.Text, "/x"), (SyntaxTokenKind.Newline, "\n"),
            (SyntaxTokenKind.HeredocBody, "hi\n"), (SyntaxTokenKind.HeredocTerminator, "EOF"), (SyntaxTokenKind.Newline, "\n"),
        ], tokens);
    }

    [Fact]
    public void Tokens_read_on_demand_give_the_file_back()
    {
        var text = "\uFEFFFROM scratch\r\nCOPY a b  \r\n\r\nONBUILD RUN --mount=type=cache,target=/c make\n";
        var tree = SyntaxTree.Parse(text);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), tree.ToBytes());
        Assert.Same(tree.Tokens, tree.Tokens);
        Assert.Contains(tree.Tokens, t => t.Kind == SyntaxTokenKind.Flag && tree.GetText(t.Span) == "--mount=type=cache,target=/c");
    }
}
