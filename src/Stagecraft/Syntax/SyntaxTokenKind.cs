namespace Stagecraft.Syntax;

/// <summary>What a token is. Every byte of a file belongs to exactly one token.</summary>
public enum SyntaxTokenKind
{
    /// <summary>The UTF-8 byte-order mark at the very start of the file.</summary>
    ByteOrderMark,
    /// <summary>Spaces, tabs and other blanks inside a line.</summary>
    Whitespace,
    /// <summary>A line ending: "\n", "\r\n", or any run of "\r" before it (a final line may end in "\r" alone).</summary>
    Newline,
    /// <summary>A whole comment after its indentation, from '#' to the end of the line.</summary>
    Comment,
    /// <summary>A parser directive line's text (<c># syntax=…</c>), from '#' to the end of the line.</summary>
    Directive,
    /// <summary>The escape character that continues a line, plus the blanks after it.</summary>
    LineContinuation,
    /// <summary>The instruction name (FROM, run, …), or the part of it on one physical line.</summary>
    Keyword,
    /// <summary>Text of a <c>--flag</c> word on one physical line.</summary>
    Flag,
    /// <summary>Any other instruction text on one physical line.</summary>
    Text,
    /// <summary>The lines of a heredoc body, each with its line ending.</summary>
    HeredocBody,
    /// <summary>The line that ends a heredoc, without its line ending.</summary>
    HeredocTerminator,
}
