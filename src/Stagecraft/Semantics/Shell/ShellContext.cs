namespace Stagecraft.Semantics.Shell;

/// <summary>The constructs a command is nested in; a command inside several has all their flags.</summary>
[Flags]
public enum ShellContext
{
    /// <summary>A plain top-level command.</summary>
    None = 0,

    /// <summary>Inside <c>( … )</c>, so <c>cd</c> or <c>export</c> there does not affect later commands.</summary>
    Subshell = 1 << 0,

    /// <summary>Inside <c>{ …; }</c>.</summary>
    BraceGroup = 1 << 1,

    /// <summary>Inside <c>$( … )</c> or backquotes.</summary>
    CommandSubstitution = 1 << 2,

    /// <summary>Inside any part of an <c>if</c> construct.</summary>
    If = 1 << 3,

    /// <summary>Inside any part of a <c>for</c>, <c>select</c>, <c>while</c> or <c>until</c> loop.</summary>
    Loop = 1 << 4,

    /// <summary>Inside a <c>case</c> item.</summary>
    Case = 1 << 5,

    /// <summary>Inside a function body, which runs only when the function is called.</summary>
    Function = 1 << 6,

    /// <summary>Inside the condition list of an <c>if</c>, <c>elif</c>, <c>while</c> or <c>until</c>, where a failure does not stop a <c>set -e</c> script.</summary>
    Condition = 1 << 7,
}
