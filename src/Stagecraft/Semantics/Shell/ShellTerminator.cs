namespace Stagecraft.Semantics.Shell;

/// <summary>The tokens that end a list inside a compound command; the parser counts how many enclosing constructs await each.</summary>
internal enum ShellTerminator
{
    RightParen,
    RightBrace,
    Then,
    Elif,
    Else,
    Fi,
    Do,
    Done,
    Esac,
    CaseItemEnd,
    Count,
}
