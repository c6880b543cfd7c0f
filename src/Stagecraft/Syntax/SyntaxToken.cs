namespace Stagecraft.Syntax;

/// <summary>A contiguous run of source bytes with a kind. The tokens of a tree tile its file with no gap or overlap.</summary>
public readonly record struct SyntaxToken(SyntaxTokenKind Kind, TextSpan Span)
{
    /// <summary>Whitespace, line endings, comments and continuations: bytes that do not change what an instruction says.</summary>
    public bool IsTrivia => Kind is SyntaxTokenKind.Whitespace or SyntaxTokenKind.Newline or SyntaxTokenKind.Comment
        or SyntaxTokenKind.LineContinuation or SyntaxTokenKind.ByteOrderMark;
}
