namespace Stagecraft.Syntax;

/// <summary>
/// A node of the Dockerfile tree. Top-level nodes (directives, comments, blank lines, instructions) own whole physical
/// lines including their line endings, so together they tile the file.
/// </summary>
public abstract class SyntaxNode
{
    protected SyntaxNode(TextSpan span) => Span = span;

    public TextSpan Span { get; }
}

/// <summary>A parser directive at the top of the file: <c># syntax=…</c>, <c># escape=…</c> or <c># check=…</c>.</summary>
public sealed class DirectiveSyntax : SyntaxNode
{
    internal DirectiveSyntax(TextSpan span, string name, string value, TextSpan nameSpan, TextSpan valueSpan) : base(span)
    {
        Name = name;
        Value = value;
        NameSpan = nameSpan;
        ValueSpan = valueSpan;
    }

    /// <summary>The directive's key, lower-cased (syntax, escape, check).</summary>
    public string Name { get; }
    public string Value { get; }
    public TextSpan NameSpan { get; }
    public TextSpan ValueSpan { get; }
}

/// <summary>A comment line outside any instruction.</summary>
public sealed class CommentSyntax : SyntaxNode
{
    private readonly SourceText _source;
    private string? _text;

    internal CommentSyntax(TextSpan span, TextSpan commentSpan, SourceText source) : base(span)
    {
        CommentSpan = commentSpan;
        _source = source;
    }

    /// <summary>From the '#' to the end of the line, without the line ending.</summary>
    public TextSpan CommentSpan { get; }

    /// <summary>The comment's text after '#', trimmed.</summary>
    public string Text => _text ??= _source.GetText(new TextSpan(CommentSpan.Start + 1, CommentSpan.Length - 1)).Trim();

    /// <summary>
    /// True when the text after '#' and blanks may start with <paramref name="asciiWord"/> (lower-case ASCII), ignoring case. Read from the
    /// file's bytes: most comments are prose, and their text need not be decoded to tell.
    /// </summary>
    internal bool StartsWithAscii(string asciiWord)
    {
        var bytes = _source.RawBytes.AsSpan(CommentSpan.Start + 1, CommentSpan.Length - 1).TrimStart(" \t\v\f\r"u8);
        // Unicode blanks (a no-break space) count as blanks in the decoded text: leave such comments to it.
        if (bytes.Length > 0 && bytes[0] >= 0x80)
            return true;
        if (bytes.Length < asciiWord.Length)
            return false;
        for (var i = 0; i < asciiWord.Length; i++)
        {
            if ((char)(bytes[i] | 0x20) != asciiWord[i])
                return false;
        }
        return true;
    }
}

/// <summary>An empty or blank line outside any instruction.</summary>
public sealed class BlankLineSyntax : SyntaxNode
{
    internal BlankLineSyntax(TextSpan span) : base(span) { }
}
