namespace Stagecraft.Semantics.Shell;

/// <summary>The kinds of token the shell lexer produces.</summary>
internal enum ShellTokenKind : byte
{
    EndOfInput,
    Word,
    IoNumber,
    NewLine,
    AndIf,
    OrIf,
    Pipe,
    PipeAll,
    Semicolon,
    DoubleSemicolon,
    SemicolonAmpersand,
    DoubleSemicolonAmpersand,
    Ampersand,
    LeftParen,
    RightParen,
    Less,
    Great,
    DoubleGreat,
    Clobber,
    LessAnd,
    GreatAnd,
    LessGreat,
    DoubleLess,
    DoubleLessDash,
    TripleLess,
    AndGreat,
    AndDoubleGreat,
}
