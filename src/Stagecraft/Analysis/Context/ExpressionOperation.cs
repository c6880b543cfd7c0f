namespace Stagecraft.Analysis.Context;

/// <summary>What one instruction of a compiled expression does.</summary>
internal enum ExpressionOperation : byte
{
    /// <summary>Consume the code point in the argument.</summary>
    Rune,

    /// <summary>Consume any code point but the one in the argument (<c>[^/]</c>, <c>.</c>).</summary>
    AnyExcept,

    /// <summary>Consume a code point of the set whose index is the argument.</summary>
    Set,

    /// <summary>Continue at the next instruction and at the argument.</summary>
    Split,

    /// <summary>Continue at the argument.</summary>
    Jump,

    /// <summary>Only at the start of the path (<c>^</c>, <c>\A</c>).</summary>
    BeginText,

    /// <summary>Only at the end of the path (<c>$</c>, <c>\z</c>).</summary>
    EndText,

    /// <summary>Between an ASCII word character and a non-word one (<c>\b</c>).</summary>
    WordBoundary,

    /// <summary>Not between an ASCII word character and a non-word one (<c>\B</c>).</summary>
    NotWordBoundary,

    /// <summary>The expression has matched.</summary>
    Match,
}
