namespace Stagecraft.Semantics.Shell;

/// <summary>One shell word: its value with quoting removed, its text as written, and where it is.</summary>
public sealed class ShellWord
{
    private readonly string _source;
    private readonly ShellWordFlags _flags;
    // Also the raw text when the two read the same; a script has tens of thousands of words, so no separate raw field.
    private string? _value;

    /// <param name="value">The value, or null when it reads exactly as written (then it is cut from the script only when asked for:
    /// most words of a script are never looked at).</param>
    internal ShellWord(string source, int start, int end, string? value, ShellWordFlags flags)
    {
        _source = source;
        Span = ShellSpan.FromBounds(start, end);
        _value = value;
        _flags = flags;
    }

    /// <summary>
    /// The word with quotes removed and escapes resolved; parameter, command and arithmetic expansions are kept as written
    /// (<c>"$HOME/x"</c> gives <c>$HOME/x</c>, <c>${X:-y}</c> stays <c>${X:-y}</c>), since the reader does not evaluate anything.
    /// </summary>
    public string Value => _value ??= _source.Substring(Span.Start, Span.Length);

    /// <summary>
    /// <see cref="Value"/> without making a string of it: for tests that most words fail (an option name, a first
    /// character), reading this leaves the many words no one looks at uncut from the script.
    /// </summary>
    public ReadOnlySpan<char> ValueSpan => _value is not null ? _value.AsSpan() : RawSpan;

    /// <summary>The word exactly as written in the script, quotes included.</summary>
    public string Raw => ReadsAsWritten ? Value : _source.Substring(Span.Start, Span.Length);

    /// <summary><see cref="Raw"/> as a span of the script, without making a string of it.</summary>
    public ReadOnlySpan<char> RawSpan => _source.AsSpan(Span.Start, Span.Length);

    /// <summary>Whether <see cref="Value"/> equals <paramref name="text"/> (ordinal), without making a string of the value.</summary>
    public bool ValueEquals(string text) => ValueSpan.SequenceEqual(text);

    // A word with no quoting, escapes or line continuations has its value as written (a value cut on demand is, too).
    private bool ReadsAsWritten => _value is null || (_value.Length == Span.Length && (_flags & ShellWordFlags.Quoted) == 0);

    /// <summary>Where the word is in the script text.</summary>
    public ShellSpan Span { get; }

    /// <summary>Whether any part is quoted (<c>'…'</c>, <c>"…"</c>, <c>$'…'</c>) or backslash-escaped.</summary>
    public bool IsQuoted => (_flags & ShellWordFlags.Quoted) != 0;

    /// <summary>Whether the word contains a <c>$</c> parameter, command or arithmetic expansion, or backquotes.</summary>
    public bool HasExpansion => (_flags & ShellWordFlags.Expansion) != 0;

    /// <summary>Whether the word contains a command substitution, <c>$( … )</c> or backquotes.</summary>
    public bool HasCommandSubstitution => (_flags & ShellWordFlags.CommandSubstitution) != 0;

    /// <summary>Whether the word contains an unquoted <c>*</c>, <c>?</c> or <c>[…]</c> that the shell would expand as a pattern.</summary>
    public bool HasGlob => (_flags & ShellWordFlags.Glob) != 0;

    /// <summary>Whether the word is plain text: no quoting, escapes or expansions, so <see cref="Value"/> is exactly what the command receives (glob aside).</summary>
    public bool IsLiteral => (_flags & (ShellWordFlags.Quoted | ShellWordFlags.Expansion)) == 0;

    internal bool IsKeyword(string keyword) => IsLiteral && ValueSpan.SequenceEqual(keyword);

    /// <inheritdoc/>
    public override string ToString() => Raw;
}
