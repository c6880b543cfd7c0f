namespace Stagecraft.Syntax;

/// <summary>One argument node as BuildKit's parser splits it (JSON element, whitespace-separated word, or the whole shell text).</summary>
public sealed class ArgumentSyntax
{
    internal ArgumentSyntax(string value, TextSpan span)
    {
        Value = value;
        Span = span;
    }

    /// <summary>The value: JSON strings decoded; otherwise the text as written (quotes kept, nothing expanded).</summary>
    public string Value { get; }

    public TextSpan Span { get; }

    public override string ToString() => Value;
}
