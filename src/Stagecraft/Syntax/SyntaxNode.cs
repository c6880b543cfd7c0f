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
}

/// <summary>An empty or blank line outside any instruction.</summary>
public sealed class BlankLineSyntax : SyntaxNode
{
    internal BlankLineSyntax(TextSpan span) : base(span) { }
}
