namespace Stagecraft.Semantics.Shell;

/// <summary>What kind of problem the shell reader met.</summary>
public enum ShellDiagnosticKind
{
    /// <summary>A quote, <c>${</c>, <c>$(</c>, <c>$((</c> or backquote is never closed.</summary>
    Unterminated,

    /// <summary>A here-document's delimiter line never appears.</summary>
    UnterminatedHereDoc,

    /// <summary>A token appears where the grammar does not allow it.</summary>
    UnexpectedToken,

    /// <summary>A compound command lacks a keyword such as <c>then</c>, <c>do</c>, <c>fi</c>, <c>done</c>, <c>esac</c>, <c>}</c> or <c>)</c>.</summary>
    MissingKeyword,

    /// <summary>An operator (<c>&amp;&amp;</c>, <c>|</c>, a redirection…) lacks the command or word it needs.</summary>
    MissingOperand,

    /// <summary>Nesting is deeper than the reader follows; the deeper part is skipped, not analysed.</summary>
    NestingTooDeep,

    /// <summary>Further diagnostics were dropped because there were too many.</summary>
    TooManyDiagnostics,

    /// <summary>The reader itself failed; results up to that point are kept. This is a bug in the reader.</summary>
    InternalError,
}
