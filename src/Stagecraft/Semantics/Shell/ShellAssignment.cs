namespace Stagecraft.Semantics.Shell;

/// <summary>A <c>NAME=value</c> word before a command's name (or making up a whole command), such as <c>DEBIAN_FRONTEND=noninteractive</c>.</summary>
public sealed class ShellAssignment
{
    internal ShellAssignment(ShellWord word, int nameLength, bool isAppend)
    {
        Word = word;
        Name = word.Value.Substring(0, nameLength);
        IsAppend = isAppend;
        var valueStart = nameLength + (isAppend ? 2 : 1);
        Value = word.Value.Length > valueStart ? word.Value.Substring(valueStart) : string.Empty;
    }

    /// <summary>The variable name.</summary>
    public string Name { get; }

    /// <summary>The assigned value, in the same form as <see cref="ShellWord.Value"/>.</summary>
    public string Value { get; }

    /// <summary>Whether it is written <c>NAME+=value</c> (bash append).</summary>
    public bool IsAppend { get; }

    /// <summary>The whole assignment word.</summary>
    public ShellWord Word { get; }

    /// <summary>Where the assignment is in the script text.</summary>
    public ShellSpan Span => Word.Span;

    /// <summary>Recognises <c>NAME=</c> or <c>NAME+=</c> at the start of the raw word; returns null when it is not an assignment.</summary>
    internal static ShellAssignment? TryCreate(ShellWord word)
    {
        // Check the raw text: a quoted or escaped name (`"A"=1`) is not an assignment, and a raw name is a plain prefix of Value.
        var raw = word.RawSpan;
        if (raw.Length < 2 || !IsNameStart(raw[0]))
            return null;
        var i = 1;
        while (i < raw.Length && IsNameChar(raw[i]))
            i++;
        if (i < raw.Length && raw[i] == '=')
            return new ShellAssignment(word, i, isAppend: false);
        if (i + 1 < raw.Length && raw[i] == '+' && raw[i + 1] == '=')
            return new ShellAssignment(word, i, isAppend: true);
        return null;
    }

    internal static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    internal static bool IsNameChar(char c) => IsNameStart(c) || c is >= '0' and <= '9';

    /// <inheritdoc/>
    public override string ToString() => Word.Raw;
}
