namespace Stagecraft.Semantics.Shell;

/// <summary>The operator of a redirection.</summary>
public enum ShellRedirectionOperator
{
    /// <summary><c>&lt;</c></summary>
    Input,

    /// <summary><c>&gt;</c></summary>
    Output,

    /// <summary><c>&gt;&gt;</c></summary>
    Append,

    /// <summary><c>&gt;|</c></summary>
    Clobber,

    /// <summary><c>&lt;&amp;</c></summary>
    DuplicateInput,

    /// <summary><c>&gt;&amp;</c>, as in <c>2&gt;&amp;1</c>.</summary>
    DuplicateOutput,

    /// <summary><c>&lt;&gt;</c></summary>
    ReadWrite,

    /// <summary><c>&lt;&lt;</c></summary>
    HereDoc,

    /// <summary><c>&lt;&lt;-</c>, which strips leading tabs from the body and delimiter lines.</summary>
    HereDocStripTabs,

    /// <summary><c>&lt;&lt;&lt;</c> (bash here-string).</summary>
    HereString,

    /// <summary><c>&amp;&gt;</c> (bash): standard output and error to a file.</summary>
    OutputAndError,

    /// <summary><c>&amp;&gt;&gt;</c> (bash): standard output and error appended to a file.</summary>
    AppendOutputAndError,
}
