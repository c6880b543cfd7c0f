namespace Stagecraft.Syntax;

/// <summary>What a <c># stagecraft …</c> or <c># hadolint …</c> comment asks for.</summary>
public enum PragmaKind
{
    /// <summary><c>ignore=…</c>: silence rules on the instruction below.</summary>
    Ignore,

    /// <summary><c>stage ignore=…</c>: silence rules for a stage.</summary>
    StageIgnore,

    /// <summary><c>global ignore=…</c>: silence rules in the whole file.</summary>
    GlobalIgnore,

    /// <summary><c>shell=NAME</c>: shell-form commands from here on run under that shell.</summary>
    Shell,
}
