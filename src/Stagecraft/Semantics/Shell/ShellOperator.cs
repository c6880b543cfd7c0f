namespace Stagecraft.Semantics.Shell;

/// <summary>The operator written after a command that connects it to what follows.</summary>
public enum ShellOperator
{
    /// <summary>Nothing follows at this level (end of script, or a closing keyword or parenthesis).</summary>
    None,

    /// <summary><c>&amp;&amp;</c>: the next command runs only if this one succeeds.</summary>
    And,

    /// <summary><c>||</c>: the next command runs only if this one fails.</summary>
    Or,

    /// <summary><c>|</c>: this command's standard output feeds the next command.</summary>
    Pipe,

    /// <summary><c>|&amp;</c> (bash): standard output and standard error feed the next command.</summary>
    PipeAll,

    /// <summary><c>;</c>: the next command runs regardless of this one's status.</summary>
    Semicolon,

    /// <summary>A newline, which separates like <c>;</c>.</summary>
    Newline,

    /// <summary><c>&amp;</c>: this command runs in the background.</summary>
    Background,
}
